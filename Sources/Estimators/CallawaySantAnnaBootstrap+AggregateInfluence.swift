/// The influence functions of a Callaway–Sant'Anna aggregation: one per element and one for the
/// overall effect, over the panel's n units, scaled as `CallawaySantAnnaResult.influence`.
///
/// Each element is θ = Σ_k w_k·ATT_k over its cells K with w_k = p_k/Σ_K p (p_k the share of all
/// units in cell k's cohort), whose influence function is
///
///     ψ_θ,i = Σ_k w_k ψ_k,i + Σ_k ATT_k·ψ_{w_k},i,
///     ψ_{w_k},i = (1{Gᵢ = g_k} − p_k)/Σ_K p − p_k/(Σ_K p)² · Σ_{j∈K}(1{Gᵢ = g_j} − p_j),
///
/// the second term for the estimated cohort shares (Callaway & Sant'Anna 2021 §4 and appendix;
/// R `did` `compute.aggte` with `wif` and `get_agg_inf_func`). Dynamic and calendar overall
/// effects are plain means of their elements; the group overall effect weights the cohort effects
/// by p_g with the weight term; group elements are plain means (their weight term is zero).
/// Computed here from the public `effects` and `influence`, so the bootstrap builds on the
/// result alone; its SEs equal `aggregate(_:)`'s (tested).
public struct CallawaySantAnnaAggregateInfluence: Sendable, Equatable {
    /// The aggregation type.
    public let kind: CallawaySantAnnaAggregate.Kind
    /// Element labels (event time, cohort or period), ascending; empty for `simple`.
    public let labels: [Double]
    /// Element estimates, aligned with `labels`.
    public let estimates: [Double]
    /// Element influence functions: `elementInfluence[element][unit]`.
    public let elementInfluence: [[Double]]
    /// The overall effect.
    public let overall: Double
    /// Its influence function over the units.
    public let overallInfluence: [Double]
}

extension CallawaySantAnnaResult {
    /// The influence functions of `aggregate(kind)`'s elements and overall effect (no balancing).
    ///
    /// - Parameter eventTimes: for `dynamic` only, keep the event times in this window (did's
    ///   `aggte(type = "dynamic", min_e, max_e)`); the overall effect is then the mean over the
    ///   window's e ≥ 0. `nil` keeps all, as `aggregate(.dynamic)`.
    public func aggregateInfluence(
        _ kind: CallawaySantAnnaAggregate.Kind, eventTimes window: ClosedRange<Double>? = nil
    ) -> CallawaySantAnnaAggregateInfluence {
        precondition(window == nil || kind == .dynamic, "an event-time window applies to the dynamic aggregation only")
        var counts: [Double: Int] = [:]
        for case let g? in unitCohorts { counts[g, default: 0] += 1 }
        let share = counts.mapValues { Double($0) / Double(unitCount) }
        let post = effects.indices.filter { effects[$0].isPostTreatment }
        var labels: [Double] = []
        var parts: [(estimate: Double, psi: [Double])] = []
        switch kind {
        case .simple:
            let (estimate, psi) = shareWeighted(post, share: share, weightTerm: true)
            return .init(kind: kind, labels: [], estimates: [], elementInfluence: [], overall: estimate, overallInfluence: psi)
        case .dynamic:
            labels = Array(Set(effects.map(\.eventTime))).filter { window?.contains($0) ?? true }.sorted()
            precondition(!labels.isEmpty, "no event time falls within the window")
            parts = labels.map { e in shareWeighted(effects.indices.filter { effects[$0].eventTime == e }, share: share, weightTerm: true) }
        case .group:
            labels = Array(share.keys).sorted()
            // One cohort's cells share one p_g: a plain mean, whose weight term vanishes.
            parts = labels.map { g in shareWeighted(post.filter { effects[$0].cohort == g }, share: share, weightTerm: false) }
        case .calendar:
            let first = effects.map(\.cohort).min()!
            labels = Array(Set(post.map { effects[$0].period })).filter { $0 >= first }.sorted()
            parts = labels.map { t in shareWeighted(post.filter { effects[$0].period == t }, share: share, weightTerm: true) }
        }
        let chosen = kind == .dynamic ? labels.indices.filter { labels[$0] >= 0 } : Array(labels.indices)
        precondition(!chosen.isEmpty, "the window holds no event time e ≥ 0 for the overall effect")
        // Group: overall weights p_g / Σp over cohorts (with the weight term); else a plain mean.
        let weights = chosen.map { kind == .group ? share[labels[$0]]! : 1 }
        let total = weights.reduce(0, +)
        var overall = 0.0
        var psi = [Double](repeating: 0, count: unitCount)
        for (m, j) in chosen.enumerated() {
            let w = weights[m] / total
            overall += w * parts[j].estimate
            for i in 0..<unitCount { psi[i] += w * parts[j].psi[i] }
        }
        if kind == .group {
            addShareInfluence(
                &psi, groups: chosen.map { labels[$0] }, shares: weights, values: chosen.map { parts[$0].estimate })
        }
        return .init(
            kind: kind, labels: labels, estimates: parts.map(\.estimate), elementInfluence: parts.map(\.psi),
            overall: overall, overallInfluence: psi)
    }

    /// Σ_k w_k ATT_k over `cells`, w_k = p_k/Σp, and its influence function.
    private func shareWeighted(_ cells: [Int], share: [Double: Double], weightTerm: Bool) -> (Double, [Double]) {
        precondition(!cells.isEmpty, "an aggregation element needs at least one cell")
        let p = cells.map { share[effects[$0].cohort]! }
        let total = p.reduce(0, +)
        var estimate = 0.0
        var psi = [Double](repeating: 0, count: unitCount)
        for (m, k) in cells.enumerated() {
            let w = p[m] / total
            estimate += w * effects[k].estimate
            let column = influence[k]
            for i in 0..<unitCount { psi[i] += w * column[i] }
        }
        if weightTerm {
            addShareInfluence(&psi, groups: cells.map { effects[$0].cohort }, shares: p, values: cells.map { effects[$0].estimate })
        }
        return (estimate, psi)
    }

    /// Adds Σ_k value_k·ψ_{w_k} for w_k = shares_k/Σ shares. Unit i enters only through its cohort:
    /// Σ_k value_k(1{Gᵢ = g_k} − p_k) = A(Gᵢ) − Σ_k value_k p_k with A(g) = Σ_{k: g_k = g} value_k, and
    /// Σ_k (1{Gᵢ = g_k} − p_k) = m(Gᵢ) − Σp with m(g) the number of k with g_k = g.
    private func addShareInfluence(_ psi: inout [Double], groups: [Double], shares: [Double], values: [Double]) {
        let total = shares.reduce(0, +)
        let weightedValues = zip(shares, values).reduce(0.0) { $0 + $1.0 * $1.1 }
        var valueSum: [Double: Double] = [:]
        var memberships: [Double: Double] = [:]
        for (g, v) in zip(groups, values) {
            valueSum[g, default: 0] += v
            memberships[g, default: 0] += 1
        }
        for i in 0..<unitCount {
            let g = unitCohorts[i]
            let numerator = (g.flatMap { valueSum[$0] } ?? 0) - weightedValues
            let centered = (g.flatMap { memberships[$0] } ?? 0) - total
            psi[i] += numerator / total - centered * weightedValues / (total * total)
        }
    }
}
