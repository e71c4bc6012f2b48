/// Aggregations of ATT(g,t) into summary effects with influence-function standard errors.
///
/// Each aggregate is θ = Σ_k w_k·ATT_k over a set of cells K, with w_k = p_k / Σ_K p, where p_k is
/// the share of all n units in cell k's cohort. Its influence function is
///
///     ψ_θ = Σ_k w_k ψ_k + Σ_k ATT_k·ψ_{w_k},
///     ψ_{w_k,i} = (1{Gᵢ = g_k} − p_k)/Σ_K p − p_k/(Σ_K p)² · Σ_{j∈K}(1{Gᵢ = g_j} − p_j),
///
/// the second term accounting for the estimated cohort shares (Callaway & Sant'Anna 2021 §4 and
/// appendix; R `did` `compute.aggte` with its `wif` and `get_agg_inf_func`). Overall effects of the
/// dynamic and calendar types are plain means of their elements (no weight term), the group type's
/// overall weights the cohort effects by p_g with the weight term. SE = sqrt(Σᵢ ψᵢ²)/n, or over cluster sums.
/// Matches Python `csdid` 0.4.3 `aggte(typec = …, bstrap = False)` (`datasets/reference/cs_attgt.json`).
extension CallawaySantAnnaResult {
    /// The aggregation of the given kind (no event-time window or balancing: did's defaults).
    public func aggregate(_ kind: CallawaySantAnnaAggregate.Kind) -> CallawaySantAnnaAggregate {
        let shares = cohortShares()
        let weightOf = effects.map { shares[$0.cohort]! }
        let post = effects.indices.filter { effects[$0].period >= effects[$0].cohort }
        switch kind {
        case .simple:
            let (estimate, psi) = weighted(post, weights: weightOf, withWeightTerm: true)
            return .init(kind: kind, overall: estimate, overallStandardError: standardError(psi), elements: [])
        case .dynamic:
            let eventTimes = Array(Set(effects.map(\.eventTime))).sorted()
            let parts = eventTimes.map { e in
                weighted(effects.indices.filter { effects[$0].eventTime == e }, weights: weightOf, withWeightTerm: true)
            }
            let nonNegative = eventTimes.indices.filter { eventTimes[$0] >= 0 }
            return summarize(kind, labels: eventTimes, parts: parts, overallOver: nonNegative, cohortWeights: nil)
        case .group:
            let cohorts = Array(shares.keys).sorted()
            let parts = cohorts.map { g in
                // Within a cohort every cell has the same share, so this is a plain mean (no weight term).
                weighted(post.filter { effects[$0].cohort == g }, weights: weightOf, withWeightTerm: false)
            }
            return summarize(
                kind, labels: cohorts, parts: parts, overallOver: Array(cohorts.indices),
                cohortWeights: cohorts.map { shares[$0]! })
        case .calendar:
            let first = effects.map(\.cohort).min()!
            let times = Array(Set(post.map { effects[$0].period })).filter { $0 >= first }.sorted()
            let parts = times.map { t in
                weighted(post.filter { effects[$0].period == t }, weights: weightOf, withWeightTerm: true)
            }
            return summarize(kind, labels: times, parts: parts, overallOver: Array(times.indices), cohortWeights: nil)
        }
    }

    /// Share of all units in each treated cohort, p_g = mean(1{Gᵢ = g}).
    func cohortShares() -> [Double: Double] {
        var counts: [Double: Int] = [:]
        for case let g? in unitCohorts { counts[g, default: 0] += 1 }
        return counts.mapValues { Double($0) / Double(unitCount) }
    }

    /// Σ w_k ATT_k over `cells` with w_k = p_k/Σp, and its influence function.
    func weighted(_ cells: [Int], weights p: [Double], withWeightTerm: Bool) -> (Double, [Double]) {
        precondition(!cells.isEmpty, "an aggregation element needs at least one cell")
        let total = cells.reduce(0.0) { $0 + p[$1] }
        var estimate = 0.0
        var psi = [Double](repeating: 0, count: unitCount)
        for k in cells {
            let w = p[k] / total
            estimate += w * effects[k].estimate
            let column = influence[k]
            for i in 0..<unitCount { psi[i] += w * column[i] }
        }
        if withWeightTerm {
            addWeightTerm(
                &psi, groups: cells.map { effects[$0].cohort }, shares: cells.map { p[$0] },
                values: cells.map { effects[$0].estimate })
        }
        return (estimate, psi)
    }

    /// Adds Σ_k value_k·ψ_{w_k} for weights w_k = shares_k/Σ shares estimated from cohort shares
    /// (did's `wif(keepers, pg, weights.ind, G, group) %*% att`).
    func addWeightTerm(_ psi: inout [Double], groups: [Double], shares: [Double], values: [Double]) {
        let total = shares.reduce(0, +)
        // Σ_k value_k p_k / (Σp)²: the coefficient of the denominator term.
        let denominator = zip(shares, values).reduce(0.0) { $0 + $1.0 * $1.1 } / (total * total)
        for i in 0..<unitCount {
            var numerator = 0.0
            var centered = 0.0
            for k in groups.indices {
                let member = unitCohorts[i] == groups[k] ? 1.0 : 0.0
                numerator += values[k] * (member - shares[k])
                centered += member - shares[k]
            }
            psi[i] += numerator / total - centered * denominator
        }
    }

    /// Elements plus the overall effect over `overallOver`: a plain mean, or (group) weighted by
    /// cohort shares with the weight term.
    func summarize(
        _ kind: CallawaySantAnnaAggregate.Kind, labels: [Double], parts: [(Double, [Double])],
        overallOver chosen: [Int], cohortWeights: [Double]?
    ) -> CallawaySantAnnaAggregate {
        let elements = labels.indices.map {
            CallawaySantAnnaAggregate.Element(
                label: labels[$0], estimate: parts[$0].0, standardError: standardError(parts[$0].1))
        }
        let shares = cohortWeights ?? [Double](repeating: 1, count: labels.count)
        let total = chosen.reduce(0.0) { $0 + shares[$1] }
        var overall = 0.0
        var psi = [Double](repeating: 0, count: unitCount)
        for j in chosen {
            let w = shares[j] / total
            overall += w * parts[j].0
            for i in 0..<unitCount { psi[i] += w * parts[j].1[i] }
        }
        if let cohortWeights {
            addWeightTerm(
                &psi, groups: chosen.map { labels[$0] }, shares: chosen.map { cohortWeights[$0] },
                values: chosen.map { parts[$0].0 })
        }
        return .init(kind: kind, overall: overall, overallStandardError: standardError(psi), elements: elements)
    }
}
