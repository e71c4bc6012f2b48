import Distributions
import LinearAlgebra

/// Robust inference on `θ = l'τ_post` when parallel trends may fail by relative magnitudes:
/// Rambachan & Roth (2023), `Δ^RM(M̄)`.
///
/// With event-study coefficients `β̂ = τ + δ` (`τ_pre = 0`), the post-period bias `δ_post` is only
/// known to satisfy `|δ_{t+1} − δ_t| ≤ M̄ · max_{r<0} |δ_{r+1} − δ_r|` for every post period `t`
/// (`δ_0 = 0` at the reference period): post-treatment changes in the violation are at most `M̄`
/// times the largest pre-treatment change. The robust confidence set at `M̄` collects the `θ` on a
/// grid that the Andrews–Roth–Pakes test accepts for at least one of the `2T̲` polyhedral pieces of
/// `Δ^RM(M̄)` (``HonestDiDMomentTest``); the breakdown value is the largest `M̄` whose set
/// still excludes 0.
///
/// Matches R `HonestDiD` / Python `honestdid` 0.1.1
/// `createSensitivityResults_relativeMagnitudes(betahat, sigma, numPrePeriods, numPostPeriods,
/// Mbarvec, l_vec)` (`datasets/reference/honest_*.json`). Rambachan & Roth (2023), "A More
/// Credible Approach to Parallel Trends", *Review of Economic Studies* 90(5), 2555–2591.
public struct HonestDiDRelativeMagnitudes: Sendable {
    /// The event study.
    public let study: HonestDiDEventStudy
    /// `l`, the weights of the target over post periods.
    public let weights: [Double]
    /// Method, `α`, grid and draws.
    public let options: HonestDiDOptions
    /// The `θ` grid, `gridPoints` equally spaced points from the lower to the upper end.
    public let grid: [Double]
    /// `T × simulations` draws of `N(0, Σ)` for the least-favourable critical values, shared by
    /// every piece and every `M̄` (common random numbers keep the sets smooth in `M̄`).
    private let draws: [[Double]]

    /// Prepares the analysis of `study` for the target `l'τ_post`.
    ///
    /// - Parameter weights: `l`, one per post period; `nil` for the average post-period effect
    ///   (HonestDiD's own default is the first post period, `l = e₁`: pass it explicitly to match).
    /// - Throws: ``HonestDiDError/invalidWeights(count:postPeriods:)`` when `l` has the wrong length,
    ///   is all zero or is not finite.
    public init(study: HonestDiDEventStudy, weights: [Double]? = nil, options: HonestDiDOptions = .init()) throws(HonestDiDError) {
        let l = weights ?? study.averageWeights
        guard l.count == study.postPeriods, l.allSatisfy(\.isFinite), l.contains(where: { $0 != 0 }) else {
            throw .invalidWeights(count: l.count, postPeriods: study.postPeriods)
        }
        self.study = study
        self.weights = l
        self.options = options
        let sd = study.standardError(weights: l)
        // HonestDiD's default grid: ±20 standard errors of l'β̂_post around 0.
        let lower = options.gridLower ?? -20 * sd
        let upper = options.gridUpper ?? 20 * sd
        precondition(lower < upper, "the θ grid needs lower < upper")
        let n = options.gridPoints
        // numpy.linspace: start + i·step, the last point exactly the upper end.
        let step = (upper - lower) / Double(n - 1)
        grid = (0..<n).map { $0 == n - 1 ? upper : lower + Double($0) * step }
        if options.kappa != nil {
            let total = study.estimates.count
            let normal = Normal()
            draws = (0..<options.simulations).map { i in
                var stream = RandomStream(seed: options.seed, stream: UInt64(i))
                // Inverse-cdf normals from the midpoints of 2⁻⁵³ cells, never 0 or 1.
                let z = (0..<total).map { _ in normal.quantile((Double(stream.nextUInt64() >> 11) + 0.5) * 0x1.0p-53) }
                return study.squareRoot.times(z)
            }
        } else {
            draws = []
        }
    }

    /// The pieces of `Δ^RM(M̄)` with their least-favourable critical values (`nil` for the
    /// conditional test).
    private func pieces(mbar: Double) -> [(piece: HonestDiDRelativeMagnitudesPiece, leastFavorable: (criticalValue: Double, kappa: Double)?)] {
        precondition(mbar >= 0 && mbar.isFinite, "M̄ must be finite and ≥ 0")
        var result: [(HonestDiDRelativeMagnitudesPiece, (criticalValue: Double, kappa: Double)?)] = []
        for s in (1 - study.prePeriods)...0 {
            // HonestDiD's order: for each s, the positive then the negative piece.
            for positive in [true, false] {
                let piece = HonestDiDRelativeMagnitudesPiece(
                    study: study, weights: weights, largestDifferenceAt: s, positive: positive, mbar: mbar)
                let hybrid = options.kappa.map { (leastFavorableCriticalValue(piece, kappa: $0), $0) }
                result.append((piece, hybrid))
            }
        }
        return result
    }

    /// `c_LF`: the `1 − κ` quantile (type 7) of `η̂(ξ)` over the draws `ξ = A N(0, Σ)`, i.e. the
    /// critical value of the test when every moment binds (ARP 2023, Section 4.2;
    /// `HonestDiD:::.compute_least_favorable_cv`, which skips draws whose program fails).
    private func leastFavorableCriticalValue(_ piece: HonestDiDRelativeMagnitudesPiece, kappa: Double) -> Double {
        let etas = draws.compactMap { noise in
            piece.test.statistic(HonestDiDDense.times(piece.constraints, noise))?.eta
        }
        guard !etas.isEmpty else { return .infinity }
        return HonestDiDDense.quantile(sorted: etas.sorted(), 1 - kappa)
    }

    /// Whether `θ` lies in the robust confidence set at `M̄` (some piece's test accepts it).
    public func contains(_ theta: Double, mbar: Double) -> Bool {
        accepts(theta, pieces: pieces(mbar: mbar))
    }

    private func accepts(
        _ theta: Double, pieces: [(piece: HonestDiDRelativeMagnitudesPiece, leastFavorable: (criticalValue: Double, kappa: Double)?)]
    ) -> Bool {
        pieces.contains { entry in
            !entry.piece.test.rejects(entry.piece.moments(theta: theta), alpha: options.alpha, leastFavorable: entry.leastFavorable)
        }
    }

    /// The robust confidence set at `M̄`, inverted over the `θ` grid.
    public func confidenceSet(mbar: Double) -> HonestDiDBounds {
        let parts = pieces(mbar: mbar)
        let accepted = grid.map { accepts($0, pieces: parts) }
        guard let first = accepted.firstIndex(of: true), let last = accepted.lastIndex(of: true) else {
            return HonestDiDBounds(mbar: mbar, interval: nil, reachesGridEdge: false)
        }
        return HonestDiDBounds(
            mbar: mbar, interval: HonestDiDInterval(lower: grid[first], upper: grid[last]),
            reachesGridEdge: accepted.first! || accepted.last!)
    }

    /// The breakdown value: the largest `M̄` at which the robust set excludes `θ = 0`.
    ///
    /// `θ = 0` is tested directly (not through the grid), at `M̄ = 0`, then at `1, 2, 4, …` until the
    /// set contains 0 or `limit` is passed, then by bisection to `tolerance`. This assumes, as the
    /// usual reading of a sensitivity plot does, that the sets grow with `M̄` (the identified sets
    /// are nested; the finite-sample test sets are in practice).
    public func breakdownValue(tolerance: Double = 1e-3, limit: Double = 64) -> HonestDiDBreakdown {
        precondition(tolerance > 0 && limit > 0, "tolerance and limit must be positive")
        if contains(0, mbar: 0) { return .notSignificantAtZero }
        var excluded = 0.0
        var included = 1.0
        while !contains(0, mbar: included) {
            excluded = included
            if included >= limit { return .atLeast(included) }
            included *= 2
        }
        while included - excluded > tolerance {
            let mid = (excluded + included) / 2
            if contains(0, mbar: mid) { included = mid } else { excluded = mid }
        }
        return .value(excluded)
    }

    /// The full analysis: robust sets for each `M̄`, the original interval and the breakdown value.
    public func sensitivity(mbar: [Double] = [0, 0.5, 1, 1.5, 2], breakdownTolerance: Double = 1e-3) -> HonestDiDSensitivity {
        HonestDiDSensitivity(
            weights: weights, estimate: study.estimate(weights: weights),
            original: study.originalInterval(weights: weights, alpha: options.alpha),
            bounds: mbar.map { confidenceSet(mbar: $0) },
            breakdown: breakdownValue(tolerance: breakdownTolerance),
            options: options, grid: HonestDiDInterval(lower: grid.first!, upper: grid.last!))
    }
}
