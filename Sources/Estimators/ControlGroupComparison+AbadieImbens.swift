extension ControlGroupComparison {
    /// The Abadie–Imbens variance of a nearest-neighbour matching ATT fitted on this comparison.
    ///
    /// See ``MatchingAbadieImbensVariance`` for the formulas (AI 2006, Econometrica 74(1), Theorems 6–7
    /// and §4). Conditional variances come from matching each unit of the matched sample to its
    /// `neighbours` nearest other units of its own arm (all used rows of that arm, matched or not) on
    /// the result's distance, by exhaustive search with ties to the lowest row. Cost
    /// `O(m·n_arm·J)` for the m units of the matched sample.
    ///
    /// - Parameters:
    ///   - result: a matching from ``nearestNeighbourMatching(_:)`` on this comparison (which already
    ///     carries this variance with J = 1 as ``NearestNeighbourMatchingResult/abadieImbens``).
    ///   - neighbours: J ≥ 1 (default 1).
    /// - Throws: `NearestNeighbourMatchingError.tooFewForConditionalVariance` when an arm of the matched
    ///   sample has no J other units to match within.
    public func abadieImbensVariance(
        _ result: NearestNeighbourMatchingResult, neighbours: Int = 1
    ) throws -> MatchingAbadieImbensVariance {
        precondition(result.distance.count == n, "the matching result must come from this comparison")
        return try abadieImbensVariance(sets: result.matchedSets, distance: result.distance, neighbours: neighbours)
    }

    /// The variance from the matched sets and the distance they were formed on (the engine of the
    /// public entry point, also run by ``nearestNeighbourMatching(_:)`` with J = 1).
    func abadieImbensVariance(
        sets: [MatchedSet], distance: [Double], neighbours: Int
    ) throws -> MatchingAbadieImbensVariance {
        precondition(neighbours >= 1, "J must be at least 1")
        var use = [Double](repeating: 0, count: n)
        var useSquared = [Double](repeating: 0, count: n)
        var counterfactual = [Double](repeating: 0, count: n)
        var inSample = [Bool](repeating: false, count: n)
        for set in sets {
            inSample[set.treatedRow] = true
            let m = Double(set.controlRows.count)
            var sum = 0.0
            for c in set.controlRows {
                use[c] += 1 / m
                useSquared[c] += 1 / (m * m)
                inSample[c] = true
                sum += outcome[c]
            }
            counterfactual[set.treatedRow] = sum / m
        }
        let matchedTreated = Double(sets.count)
        let effect = sets.reduce(0.0) { $0 + outcome[$1.treatedRow] - counterfactual[$1.treatedRow] } / matchedTreated

        for arm in [true, false] {
            let size = treated.filter { $0 == arm }.count
            if size < neighbours + 1 {
                throw NearestNeighbourMatchingError.tooFewForConditionalVariance(
                    arm: arm ? "treated" : "control", units: size, neighbours: neighbours)
            }
        }
        var residual = [Double](repeating: 0, count: n)
        var sigma2 = [Double](repeating: 0, count: n)
        let shrink = Double(neighbours) / Double(neighbours + 1)
        for i in 0..<n where inSample[i] {
            let mean =
                withinArmNeighbours(of: i, count: neighbours, distance: distance)
                .reduce(0.0) { $0 + outcome[$1] } / Double(neighbours)
            // AI 2006 §4: J/(J+1) makes E σ̂² = σ² when the J neighbours share unit i's covariates.
            residual[i] = shrink.squareRoot() * (outcome[i] - mean)
            sigma2[i] = shrink * (outcome[i] - mean) * (outcome[i] - mean)
        }

        var sampleSum = 0.0
        var populationSum = 0.0
        var contributions = [Double](repeating: 0, count: n)
        for set in sets {
            let t = set.treatedRow
            let gap = outcome[t] - counterfactual[t] - effect
            contributions[t] = gap
            sampleSum += sigma2[t]
            populationSum += gap * gap
        }
        for c in 0..<n where use[c] > 0 {
            // k² − q ≥ 0 because k = Σ 1/M_t is a sum of positive terms and q the sum of their squares.
            let rest = max(0, use[c] * use[c] - useSquared[c])
            sampleSum += use[c] * use[c] * sigma2[c]
            populationSum += rest * sigma2[c]
            // The estimator weighs controls with −k_c: the sign keeps skewed multipliers aligned with it.
            contributions[c] = -rest.squareRoot() * residual[c]
        }
        let scale = 1 / (matchedTreated * matchedTreated)
        return MatchingAbadieImbensVariance(
            neighbours: neighbours, matchedTreatedCount: sets.count, effect: effect, matchUse: use,
            conditionalVariance: sigma2, sampleVariance: sampleSum * scale, populationVariance: populationSum * scale,
            contributions: contributions)
    }

    /// The `count` nearest other rows of row i's arm on `distance`, ties to the lowest row.
    private func withinArmNeighbours(of i: Int, count: Int, distance: [Double]) -> [Int] {
        var nearest: [(gap: Double, row: Int)] = []
        nearest.reserveCapacity(count + 1)
        for l in 0..<n where l != i && treated[l] == treated[i] {
            let gap = abs(distance[i] - distance[l])
            if nearest.count == count, gap >= nearest[count - 1].gap { continue }
            // Rows are scanned upwards and inserted after equal gaps: an exact tie keeps the lower row.
            let slot = nearest.firstIndex { $0.gap > gap } ?? nearest.count
            nearest.insert((gap, l), at: slot)
            if nearest.count > count { nearest.removeLast() }
        }
        return nearest.map(\.row)
    }
}
