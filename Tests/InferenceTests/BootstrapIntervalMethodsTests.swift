import Foundation
import Testing

@testable import Inference

/// Every interval type against R boot 1.3's `boot.ci` on fixed replicates
/// (`datasets/reference/bootstrap_intervals.json`, `scripts/reference/bootstrap_intervals.R`).
@Suite("Bootstrap intervals: basic, normal, studentized, BCa")
struct BootstrapIntervalMethodsTests {
    struct Reference: Decodable {
        struct Case: Decodable {
            let name: String
            let estimate: Double
            let variance: Double
            let replicates: [Double]
            let replicate_variances: [Double]
            let leave_one_out: [Double]
            let influence: [Double]
            let intervals: [Intervals]
        }
        struct Intervals: Decodable {
            let level: Double
            let normal: [Double]
            let basic: [Double]
            let percentile: [Double]
            let studentized: [Double]
            let bca: [Double]
        }
        let cases: [Case]
    }

    static func reference() throws -> Reference {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("datasets/reference/bootstrap_intervals.json"))
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    static func close(_ a: Double, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test("all five interval types equal boot.ci's to 1e-9")
    func matchesBoot() throws {
        for c in try Self.reference().cases {
            #expect(
                zip(BootstrapInterval.jackknifeInfluence(estimate: c.estimate, leaveOneOut: c.leave_one_out), c.influence).allSatisfy { Self.close($0, $1) },
                "jackknife influence, \(c.name)")
            for expected in c.intervals {
                for method in BootstrapIntervalMethod.allCases {
                    let interval = try BootstrapInterval.interval(
                        method, estimate: c.estimate, replicates: c.replicates, level: expected.level,
                        jackknife: c.leave_one_out, variance: c.variance, replicateVariances: c.replicate_variances)
                    let want: [Double]
                    switch method {
                    case .percentile: want = expected.percentile
                    case .basic: want = expected.basic
                    case .normal: want = expected.normal
                    case .studentized: want = expected.studentized
                    case .bca: want = expected.bca
                    }
                    #expect(
                        Self.close(interval.lower, want[0]) && Self.close(interval.upper, want[1]),
                        "\(c.name) \(method) \(expected.level): [\(interval.lower), \(interval.upper)] vs \(want)")
                    #expect(interval.method == method && interval.level == expected.level)
                }
            }
        }
    }

    @Test("basic reflects the percentile interval about the estimate")
    func basicIsReflectedPercentile() throws {
        let t = (1...199).map { Double($0) * 0.1 }
        let p = BootstrapInterval.percentile(t)
        let b = try BootstrapInterval.basic(estimate: 12, replicates: t)
        #expect(Self.close(b.lower, 24 - p.upper) && Self.close(b.upper, 24 - p.lower))
    }

    @Test("BCa with no skew and no bias equals the percentile interval")
    func bcaReducesToPercentile() throws {
        // Replicates symmetric about the estimate with the estimate itself not among them (w = 0) and
        // symmetric influence values (a = 0).
        let t = (0..<400).map { Double($0) - 199.5 }
        let bca = try BootstrapInterval.bca(estimate: 0, replicates: t, influence: [-1, 1, -2, 2])
        let p = BootstrapInterval.percentile(t)
        #expect(Self.close(bca.lower, p.lower) && Self.close(bca.upper, p.upper))
    }

    @Test("undefined intervals are typed errors, not NaN")
    func errors() {
        #expect(throws: BootstrapIntervalError.infiniteBiasCorrection(below: 0, replicates: 3)) {
            try BootstrapInterval.bca(estimate: 0, replicates: [1, 2, 3], influence: [1, -1])
        }
        #expect(throws: BootstrapIntervalError.undefinedAcceleration) {
            try BootstrapInterval.bca(estimate: 2, replicates: [1, 2, 3], influence: [0, 0])
        }
        #expect(throws: BootstrapIntervalError.noFiniteReplicates) {
            try BootstrapInterval.basic(estimate: 0, replicates: [.nan, .infinity])
        }
        #expect(throws: BootstrapIntervalError.invalidVariance(replicate: 1)) {
            try BootstrapInterval.studentized(estimate: 0, variance: 1, replicates: [1, 2], replicateVariances: [1, 0])
        }
        #expect(BootstrapIntervalError.infiniteBiasCorrection(below: 0, replicates: 3).description.contains("percentile"))
    }

    @Test("failed (non-finite) replicates are left out, as boot.ci does")
    func nonFiniteLeftOut() throws {
        let t = (1...99).map(Double.init)
        let clean = try BootstrapInterval.normal(estimate: 50, replicates: t)
        let dirty = try BootstrapInterval.normal(estimate: 50, replicates: t + [.nan, .infinity])
        #expect(clean == dirty)
    }
}
