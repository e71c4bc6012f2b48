import Foundation
import Inference
import LinearAlgebra
import Testing

/// Properties of the relative-magnitudes sets that hold whatever the reference says.
@Suite("HonestDiD relative magnitudes: properties and known truth")
struct HonestDiDRelativeMagnitudesTests {
    /// 3 pre + 3 post periods, AR(1)-correlated errors (the `synthetic3x3` fixture's input).
    static func synthetic() throws -> HonestDiDEventStudy {
        let sd = [0.05, 0.045, 0.04, 0.05, 0.055, 0.06]
        let sigma = Matrix(rowMajor: (0..<6).map { i in (0..<6).map { j in pow(0.3, Double(abs(i - j))) * sd[i] * sd[j] } })
        return try HonestDiDEventStudy(
            estimates: [0.03, -0.05, 0.04, 0.21, 0.26, 0.31], covariance: sigma, prePeriods: 3, postPeriods: 3)
    }

    @Test func setAtZeroIsCloseToTheOriginalInterval() throws {
        for method in [HonestDiDMethod.conditional, .leastFavorableHybrid()] {
            let analysis = try HonestDiDRelativeMagnitudes(study: Self.synthetic(), options: .init(method: method, gridPoints: 400))
            let step = analysis.grid[1] - analysis.grid[0]
            let original = analysis.study.originalInterval(weights: analysis.weights)
            let interval = try #require(analysis.confidenceSet(mbar: 0).interval)
            // Under M̄ = 0 the post-period bias is 0, so θ is identified and the set is, up to the
            // moment-inequality test's own size, the original interval.
            #expect(interval.lower >= original.lower - 2 * step && interval.upper <= original.upper + 2 * step)
            #expect(interval.upper - interval.lower >= 0.8 * (original.upper - original.lower))
            #expect(interval.contains(analysis.study.estimate(weights: analysis.weights)))
        }
    }

    @Test func setsGrowWithMbar() throws {
        let analysis = try HonestDiDRelativeMagnitudes(study: Self.synthetic(), options: .init(gridPoints: 400))
        let step = analysis.grid[1] - analysis.grid[0]
        let sets = try [0, 0.25, 0.5, 1, 1.5, 2].map { try #require(analysis.confidenceSet(mbar: $0).interval) }
        for (narrow, wide) in zip(sets, sets.dropFirst()) {
            #expect(wide.lower <= narrow.lower + step && wide.upper >= narrow.upper - step)
        }
        #expect(sets.last!.upper - sets.last!.lower > 2 * (sets[0].upper - sets[0].lower))
    }

    @Test func breakdownAgreesWithTheGridAndTheTest() throws {
        let analysis = try HonestDiDRelativeMagnitudes(study: Self.synthetic(), options: .init(gridPoints: 400))
        guard case .value(let breakdown) = analysis.breakdownValue(tolerance: 1e-3) else {
            Issue.record("expected a finite breakdown value")
            return
        }
        #expect(breakdown > 0 && breakdown < 2)
        #expect(!analysis.contains(0, mbar: breakdown))
        #expect(analysis.contains(0, mbar: breakdown + 1e-3))
        for mbar in stride(from: 0.0, through: 2, by: 0.25) where abs(mbar - breakdown) > 0.05 {
            #expect(analysis.confidenceSet(mbar: mbar).excludesZero == (mbar < breakdown), "M̄ = \(mbar)")
        }
    }

    @Test func insignificantEffectHasNoBreakdown() throws {
        let study = try HonestDiDEventStudy(
            estimates: [0.01, -0.02, 0.03], covariance: Matrix(rowMajor: [[0.01, 0, 0], [0, 0.01, 0], [0, 0, 0.01]]),
            prePeriods: 2, postPeriods: 1)
        let analysis = try HonestDiDRelativeMagnitudes(study: study, options: .init(method: .conditional, gridPoints: 200))
        #expect(analysis.breakdownValue() == .notSignificantAtZero)
    }

    /// Known truth: pre-period violations rise by 0.1 per period and keep rising at that pace after
    /// treatment (δ ∈ Δ^RM(1), the worst case), τ_post = 0.2 each period, so θ = l'τ = 0.2 while
    /// l'β̂ centres on 0.4. The robust set at M̄ = 1 must cover 0.2 at ≥ 95% (Monte Carlo: 200
    /// draws, 3 standard errors below 0.95 is 0.904); the original interval covers it rarely.
    @Test func robustSetCoversTheTruthUnderALinearViolation() throws {
        let base = try Self.synthetic()
        let delta = [-0.2, -0.1, 0.0, 0.2, 0.3, 0.4]  // δ_{-1} = 0 at the reference period
        let tau = [0.0, 0.0, 0.0, 0.2, 0.2, 0.2]
        let root = try Cholesky(base.covariance).upper.transposed
        var robustCovers = 0
        var originalCovers = 0
        let replicates = 200
        for r in 0..<replicates {
            var stream = RandomStream(seed: 77, stream: UInt64(r))
            let z = (0..<6).map { _ in normalDraw(&stream) }
            let noise = root.times(z)
            let beta = (0..<6).map { tau[$0] + delta[$0] + noise[$0] }
            let study = try HonestDiDEventStudy(estimates: beta, covariance: base.covariance, prePeriods: 3, postPeriods: 3)
            let analysis = try HonestDiDRelativeMagnitudes(study: study, options: .init(method: .conditional, gridPoints: 2))
            if analysis.contains(0.2, mbar: 1) { robustCovers += 1 }
            if study.originalInterval(weights: analysis.weights).contains(0.2) { originalCovers += 1 }
        }
        #expect(Double(robustCovers) / Double(replicates) >= 0.904)
        #expect(Double(originalCovers) / Double(replicates) < 0.5)
    }

    @Test func summaryStatesTheChoices() throws {
        let analysis = try HonestDiDRelativeMagnitudes(study: Self.synthetic(), options: .init(gridPoints: 100))
        let summary = analysis.sensitivity(mbar: [0, 1], breakdownTolerance: 0.05).summary
        #expect(summary.contains("C-LF"))
        #expect(summary.contains("seed 0"))
        #expect(summary.contains("Original"))
        #expect(summary.contains("Breakdown"))
    }
}

/// A standard normal from a uniform on (0, 1) by Box–Muller (one of the pair).
func normalDraw(_ stream: inout RandomStream) -> Double {
    let u1 = (Double(stream.nextUInt64() >> 11) + 0.5) * 0x1.0p-53
    let u2 = stream.nextUniform()
    return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
}
