import Foundation
import Testing

@testable import Reporting

@Suite("SVG axes: nice ticks (Heckbert 1990)")
struct SVGAxisTests {
    /// True when `v` is 1, 2 or 5 times a power of ten.
    private func isNice(_ v: Double) -> Bool {
        let e = floor(log10(v))
        let m = v / pow(10, e)
        return [1.0, 2, 5, 10].contains { abs(m - $0) < 1e-9 }
    }

    @Test("ticks are whole multiples of a 1-2-5 step and cover the data")
    func niceTicks() {
        let cases: [[Double]] = [
            [0.13, 0.87], [335.72, 658.59, 497.43], [-3.2, 41], [39_900.75, 42_400.27], [1e-4, 3e-4], [0, 275_400],
        ]
        for values in cases {
            let axis = SVGAxis.nice(covering: values)
            let step = axis.ticks[1] - axis.ticks[0]
            #expect(isNice(step), "step \(step) for \(values)")
            for (a, b) in zip(axis.ticks, axis.ticks.dropFirst()) { #expect(abs((b - a) - step) < step * 1e-9) }
            for t in axis.ticks { #expect(abs(t / step - (t / step).rounded()) < 1e-9, "tick \(t) not a multiple of \(step)") }
            #expect(axis.lower <= values.min()! && axis.upper >= values.max()!)
            #expect((3...11).contains(axis.ticks.count), "\(axis.ticks.count) ticks for \(values)")
        }
    }

    @Test("known cases: 0.13…0.87 → 0, 0.2, …, 1; labels have the step's decimals")
    func knownTicks() {
        let axis = SVGAxis.nice(covering: [0.13, 0.87])
        #expect(axis.ticks == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(axis.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let money = SVGAxis.nice(covering: [0, 275_400])
        #expect(money.ticks == [0, 100_000, 200_000, 300_000])
        #expect(money.labels == ["0", "100,000", "200,000", "300,000"])
        // 3 × 0.1 must be exactly 0.3 so that labels and positions agree.
        #expect(SVGAxis.nice(covering: [0.01, 0.49]).ticks.contains(0.3))
    }

    @Test("nice numbers: rounded and ceiling variants")
    func niceNumbers() {
        #expect(SVGAxis.niceNumber(1.4, round: true) == 1)
        #expect(SVGAxis.niceNumber(2.9, round: true) == 2)
        #expect(SVGAxis.niceNumber(6.9, round: true) == 5)
        #expect(SVGAxis.niceNumber(7.1, round: true) == 10)
        #expect(SVGAxis.niceNumber(2.1, round: false) == 5)
        #expect(SVGAxis.niceNumber(0.031, round: false) == 0.05)
    }

    @Test("a single value or no finite value still gives a valid axis")
    func degenerate() {
        let one = SVGAxis.nice(covering: [5])
        #expect(one.lower < 5 && one.upper > 5)
        let none = SVGAxis.nice(covering: [.nan, .infinity])
        #expect(none.lower == 0 && none.upper == 1)
        let withZero = SVGAxis.nice(covering: [40], including: [0])
        #expect(withZero.lower == 0)
    }

    @Test("categorical axis places category k at k")
    func categorical() {
        let axis = SVGAxis.categories(["pre", "post"])
        #expect(axis.ticks == [0, 1] && axis.labels == ["pre", "post"])
        #expect(axis.position(0, from: 0, to: 200) == 50)
        #expect(axis.position(1, from: 0, to: 200) == 150)
    }
}
