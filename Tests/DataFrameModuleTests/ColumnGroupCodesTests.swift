import Testing

@testable import DataFrameModule

@Suite struct ColumnGroupCodesTests {
    @Test func integersInValueOrder() {
        let c = Column(name: "x", values: .integer([30, 10, 20, 10, 0], missing: [false, false, false, false, true]))
        let (codes, count) = c.groupCodes()
        #expect(codes == [2, 0, 1, 0, -1])
        #expect(count == 3)
    }

    @Test func widelySpreadIntegersTakeTheSortedPath() {
        let c = Column(name: "x", values: .integer([Int.max, Int.min, 0, Int.max], missing: [false, false, false, false]))
        let (codes, count) = c.groupCodes()
        #expect(codes == [2, 0, 1, 2])
        #expect(count == 3)
    }

    @Test func doublesWithNaNAndSignedZero() {
        let c = Column(name: "x", values: .double([0.5, -0.0, .nan, 0, -2, 0.5], missing: [false, false, false, false, false, false]))
        let (codes, count) = c.groupCodes()
        #expect(codes == [2, 1, -1, 1, 0, 2])
        #expect(count == 3)
    }

    @Test func categoricalSkipsUnusedLevels() {
        let c = Column(name: "g", values: .categorical(codes: [3, 1, -1, 3], levels: ["a", "b", "c", "d"]))
        let (codes, count) = c.groupCodes()
        #expect(codes == [1, 0, -1, 1])
        #expect(count == 2)
    }

    @Test func booleansAndDates() {
        let b = Column(name: "b", values: .bool([true, true, false], missing: [false, false, true]))
        #expect(b.groupCodes().codes == [0, 0, -1])
        #expect(b.groupCodes().count == 1)
        let d = Column(name: "d", values: .date(daysSinceEpoch: [19_000, -5, 19_000], missing: [false, false, false]))
        #expect(d.groupCodes().codes == [1, 0, 1])
    }

    @Test func agreesWithANaiveReferenceOnRandomData() {
        var g = SplitMix64(seed: 8)
        for trial in 0..<50 {
            let n = Int.random(in: 0...300, using: &g)
            let spread = trial % 2 == 0 ? 10 : 1_000_000_000
            let v = (0..<n).map { _ in Int.random(in: -spread...spread, using: &g) }
            let m = (0..<n).map { _ in Int.random(in: 0..<10, using: &g) == 0 }
            let (codes, count) = Column(name: "x", values: .integer(v, missing: m)).groupCodes()
            let distinct = Array(Set((0..<n).filter { !m[$0] }.map { v[$0] })).sorted()
            #expect(count == distinct.count)
            #expect(codes == (0..<n).map { m[$0] ? -1 : Int32(distinct.firstIndex(of: v[$0])!) })
        }
    }
}
