import DataFrameModule
import Foundation
import Inference

extension ControlGroupComparison {
    /// The matching distance per used row: the propensity score `Λ(xᵢᵀγ̂)` or its logit `xᵢᵀγ̂`.
    ///
    /// The linear predictor is summed row by row in column order (not by BLAS), so identical covariate
    /// rows get bitwise-identical distances and the tie rule applies to them exactly.
    public func matchingDistance(_ measure: NearestNeighbourMatchingSpecification.Distance) -> [Double] {
        let gamma = propensityFit.coefficients
        precondition(gamma.count == covariates.columns, "The propensity model keeps every covariate column")
        return (0..<n).map { i in
            var eta = 0.0
            for j in 0..<covariates.columns { eta += covariates[i, j] * gamma[j] }
            switch measure {
            case .propensityScore: return 1 / (1 + exp(-eta))
            case .linearPropensityScore: return eta
            }
        }
    }

    /// Greedy 1:k nearest-neighbour matching on the estimated propensity score, for the ATT.
    ///
    /// Matching follows ``NearestNeighbourMatchingSpecification`` (MatchIt 4 `method = "nearest"`
    /// conventions, ties to the lowest row); treated units without a control within the caliper are
    /// dropped, counted and reported. Weights: MatchIt's (matched treated 1, control `Σ 1/kᵢ` over the
    /// sets it joins, rescaled to the number of matched controls).
    ///
    /// Standard error: the weighted regression `y ~ 1 + D` on the matched units with
    /// - without replacement: cluster-robust CR1 by matched set, `G/(G−1)·(N−1)/(N−2)` (Abadie & Spiess
    ///   2022, "Robust post-matching inference", JASA; the MatchIt vignette "Estimating effects after
    ///   matching": `vcov = ~subclass`; R `sandwich::vcovCL(lm(y ~ d, weights = w), cluster = ~subclass)`);
    /// - with replacement: HC1, i.e. CR1 clustered by unit, each unit once with its accumulated
    ///   weight (matched sets overlap, so they cannot be clusters). This treats the weights as fixed and
    ///   ignores the reuse of controls that Abadie & Imbens (2006, 2016) account for; read it as
    ///   approximate (the naive bootstrap is no remedy: Abadie & Imbens 2008). The result also carries
    ///   the Abadie–Imbens (2006) variance, which accounts for that reuse (``MatchingAbadieImbensVariance``,
    ///   J = 1): prefer it with replacement.
    ///
    /// - Throws: ``NearestNeighbourMatchingError``; `InferenceError`, `LinearAlgebraError` from the fit.
    public func nearestNeighbourMatching(
        _ specification: NearestNeighbourMatchingSpecification = .init()
    ) throws -> NearestNeighbourMatchingResult {
        let distance = matchingDistance(specification.distance)
        let mean = distance.reduce(0, +) / Double(n)
        // MatchIt standardizes the caliper by `sd(distance)` over every (non-discarded) unit, n − 1.
        let sd = (distance.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(n - 1)).squareRoot()
        let width = specification.caliper.map { $0 * sd }
        let sets = NearestNeighbourMatcher.match(
            distance: distance, treated: treated, ratio: specification.ratio,
            replacement: specification.replacement, order: specification.order, width: width)
        guard !sets.isEmpty else { throw NearestNeighbourMatchingError.noMatches(treated: treatedCount, caliperWidth: width) }
        // One set identifies no variance: 2 units for 2 coefficients (and G − 1 = 0 when clustering by set).
        if sets.count < 2 { throw NearestNeighbourMatchingError.tooFewMatchedSets(sets: sets.count) }
        let weights = NearestNeighbourMatcher.weights(sets, rows: n)
        let matchedTreated = Set(sets.map(\.treatedRow))
        let unmatched = rows(treated: true).filter { !matchedTreated.contains($0) }
        let controls = rows(treated: false)
        let outsideCaliper = unmatched.filter { t in
            guard let width else { return false }
            return !controls.contains { abs(distance[t] - distance[$0]) <= width }
        }.count

        let fit = try matchedSampleFit(sets: sets, weights: weights, replacement: specification.replacement)
        // J = 1 cannot fail here: the comparison requires every arm to hold at least k + 1 ≥ 3 rows.
        let abadieImbens = try abadieImbensVariance(sets: sets, distance: distance, neighbours: 1)
        var sums = (treatedWeight: 0.0, treatedOutcome: 0.0, controlWeight: 0.0, controlOutcome: 0.0)
        for i in 0..<n where weights[i] > 0 {
            if treated[i] {
                sums.treatedWeight += weights[i]
                sums.treatedOutcome += weights[i] * outcome[i]
            } else {
                sums.controlWeight += weights[i]
                sums.controlOutcome += weights[i] * outcome[i]
            }
        }
        let treatedMean = sums.treatedOutcome / sums.treatedWeight
        let controlMean = sums.controlOutcome / sums.controlWeight

        var warnings: [String] = []
        if !unmatched.isEmpty {
            warnings.append(
                "\(unmatched.count) of \(treatedCount) treated units found no control (\(outsideCaliper) had none within "
                    + "the caliper, \(unmatched.count - outsideCaliper) lost theirs to earlier matches) and are left out: "
                    + "the estimate is the average effect over the matched treated only.")
        }
        let partial = sets.filter { $0.controlRows.count < specification.ratio }.count
        if partial > 0 {
            warnings.append(
                "\(partial) matched treated unit\(partial == 1 ? " has" : "s have") fewer than \(specification.ratio) "
                    + "controls; their controls share weight 1 between fewer units.")
        }
        return NearestNeighbourMatchingResult(
            specification: specification, distance: distance, distanceStandardDeviation: sd, caliperWidth: width,
            matchedSets: sets, weights: weights, unmatchedTreatedRows: unmatched, unmatchedOutsideCaliper: outsideCaliper,
            treatedCount: treatedCount, controlCount: controlCount, treatedMean: treatedMean, controlMean: controlMean,
            effect: treatedMean - controlMean, outcomeFit: fit, abadieImbens: abadieImbens,
            balance: balance(
                weights: weights, target: .averageTreatmentEffectOnTreated,
                adjustment: .nearestNeighbourMatching(specification)),
            warnings: warnings)
    }

    /// `y ~ 1 + D` by WLS on the matched units, CR1 by matched set (without replacement) or HC1 (with).
    private func matchedSampleFit(sets: [MatchedSet], weights: [Double], replacement: Bool) throws -> RegressionFit {
        var setOf = [Int](repeating: -1, count: n)
        for (index, set) in sets.enumerated() {
            setOf[set.treatedRow] = index
            for c in set.controlRows { setOf[c] = index }
        }
        let rows = (0..<n).filter { weights[$0] > 0 }
        let none = [Bool](repeating: false, count: rows.count)
        let frame = try DataFrame(columns: [
            Column(name: "y", values: .double(rows.map { outcome[$0] }, missing: none)),
            Column(name: "treated", values: .double(rows.map { treated[$0] ? 1 : 0 }, missing: none)),
            Column(name: "w", values: .double(rows.map { weights[$0] }, missing: none)),
            Column(name: "matched_set", values: .integer(rows.map { setOf[$0] }, missing: none)),
        ])
        // With replacement a control sits in several sets: cluster by unit, which is HC1 (G = N).
        let covariance: CovarianceType = replacement ? .hc1 : .clustered(by: ["matched_set"], correction: .stata)
        return try LinearRegression.fit("y ~ treated", data: frame, weights: "w", covariance: covariance)
    }
}
