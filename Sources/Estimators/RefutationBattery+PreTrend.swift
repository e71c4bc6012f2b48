import Distributions
import Inference
import LinearAlgebra

/// The pre-trend test, from Callaway–Sant'Anna pre-treatment effects or an event study's leads.
extension RefutationBattery {
    /// The pre-trend test on the panel: Callaway–Sant'Anna under `preTrendSpecification`, then
    /// `preTrend(callawaySantAnna:level:)`.
    /// - Throws: `StaggeredPanelError`, `RefutationError`.
    public func preTrend(_ panel: StaggeredPanel) throws -> RefutationCheck {
        try Self.preTrend(
            callawaySantAnna: CallawaySantAnna.estimate(panel, specification: preTrendSpecification), level: level)
    }

    /// Joint test that every pre-treatment ATT(g,t) (t < g − δ, δ the anticipation) is zero, in
    /// Hotelling's F form.
    ///
    ///     W = θ̂ᵀ V̂⁻¹ θ̂,   V̂ = Σ_c S_c S_cᵀ / n²,   S_c = Σ_{i∈c} ψᵢ
    ///     F = (G − q)/(q·G) · W  ~  F(q, G − q)
    ///
    /// over the q pre-treatment cells with a standard error, from their influence functions ψ
    /// (the G clusters c are the units unless the panel has a cluster variable). W is R `did`'s
    /// pre-test of parallel trends (`att_gt`: `W = n·t(preatt) %*% solve(preV) %*% preatt`,
    /// V = ΨᵀΨ/n, referred to χ²(q)); W matches Python `csdid` 0.4.3's pre-test to 1e-8
    /// (`datasets/reference/refutation_pretest.json`, unit and site clustering, anticipation 0 and 1). Treating the G cluster sums as a sample, W·(G − 1)/G is
    /// Hotelling's T² and (G − q)/(q(G − 1))·T² is F(q, G − q) (Hotelling 1931; the small-sample
    /// reference of cluster-robust Wald tests in Pustejovsky & Tipton 2018, JBES 36(4), §3). Why not
    /// χ²(q): with 11 pre-treatment cells and 50 teams it rejected a true null in 23% of simulated
    /// panels (70% with 20 teams), the F form in 6% (8%). As G → ∞ the two agree. With q = 1, F is
    /// the squared t of the one cell with the CR1 factor, against t(G − 1). Passes when p ≥ α. Low power
    /// is the known weakness of such tests: passing does not establish parallel trends (Roth 2022,
    /// "Pretest with caution", AER: Insights 4(3)).
    /// - Throws: `RefutationError.noPreTreatmentEffects`, `.singularPreTrendCovariance` (also when
    ///   q ≥ G, where F is undefined).
    public static func preTrend(callawaySantAnna result: CallawaySantAnnaResult, level: Double = 0.95) throws
        -> RefutationCheck
    {
        precondition(level > 0 && level < 1, "The confidence level must lie strictly between 0 and 1")
        // Pre-treatment means before any anticipation: t < g − δ (R `did`: `group - anticipation > year`).
        let delta = Double(result.specification.anticipation)
        let cells = result.effects.indices.filter {
            result.effects[$0].period < result.effects[$0].cohort - delta && result.effects[$0].standardError != nil
        }
        let q = cells.count
        guard q > 0 else { throw RefutationError.noPreTreatmentEffects }
        // Cluster sums of the influence functions sum to zero, so V has rank at most G − 1.
        guard q < result.clusterCount else {
            throw RefutationError.singularPreTrendCovariance(effects: q, clusters: result.clusterCount)
        }
        let g = result.clusterCount
        var sums = Matrix(rows: g, columns: q)
        for (j, cell) in cells.enumerated() {
            for (i, value) in result.influence[cell].enumerated() {
                sums[result.unitClusters?[i] ?? i, j] += value
            }
        }
        let n = Double(result.unitCount)
        let covariance = sums.gram() * (1 / (n * n))
        let theta = cells.map { result.effects[$0].estimate }
        let factor: Cholesky
        do {
            factor = try Cholesky(covariance)
        } catch {
            throw RefutationError.singularPreTrendCovariance(effects: q, clusters: g)
        }
        let solved = factor.solve(theta)
        let wald = zip(theta, solved).reduce(0.0) { $0 + $1.0 * $1.1 }
        let f = (Double(g - q) / (Double(q) * Double(g))) * wald
        let p = FDistribution(numeratorDegreesOfFreedom: Double(q), denominatorDegreesOfFreedom: Double(g - q))
            .survival(f)
        let alpha = 1 - level
        let passed = p >= alpha
        let explanation =
            passed
            ? "The \(q) pre-treatment group-time effects are jointly indistinguishable from zero; no evidence "
                + "against parallel trends (a test with limited power)."
            : "The \(q) pre-treatment group-time effects are jointly different from zero: treated cohorts were "
                + "already trending apart before training, so parallel trends is in doubt."
        let elements = cells.map { cell in
            let effect = result.effects[cell]
            return RefutationCheck.Element(
                label: "ATT(\(StatisticsText.compact(effect.cohort)), \(StatisticsText.compact(effect.period)))",
                estimate: effect.estimate, standardError: effect.standardError,
                pValue: StudentT(degreesOfFreedom: Double(g - 1)).twoSidedPValue(
                    effect.estimate / effect.standardError! * (Double(g - 1) / Double(g)).squareRoot()))
        }
        return RefutationCheck(
            kind: .preTrend, statistic: f, statisticLabel: "Hotelling F(\(q), \(g - q))", pValue: p, interval: nil,
            passed: passed, explanation: explanation, elements: elements)
    }

    /// The pre-trend test of a two-way fixed-effects event study: its joint Wald test that every
    /// lead is zero, read through the F form with (q, G − 1) df (`EventStudyResult.preTrendTest`,
    /// pyfixest `wald_test` on the leads). Passes when p ≥ α.
    /// - Throws: `RefutationError.noPreTreatmentEffects` when the window has no tested lead.
    public static func preTrend(eventStudy result: EventStudyResult, level: Double = 0.95) throws -> RefutationCheck {
        precondition(level > 0 && level < 1, "The confidence level must lie strictly between 0 and 1")
        guard let test = result.preTrendTest else { throw RefutationError.noPreTreatmentEffects }
        let passed = test.fPValue >= 1 - level
        let leads = result.eventTimes.filter { $0.eventTime < 0 && !$0.isReference }
        let explanation =
            passed
            ? "The event study's \(test.restrictions) leads are jointly indistinguishable from zero; no evidence "
                + "against parallel trends (a test with limited power)."
            : "The event study's \(test.restrictions) leads are jointly different from zero: outcomes moved "
                + "before training, so parallel trends or no anticipation is in doubt."
        return RefutationCheck(
            kind: .preTrend, statistic: test.fStatistic,
            statisticLabel: "Wald F(\(StatisticsText.compact(test.numeratorDegreesOfFreedom)), "
                + "\(StatisticsText.compact(test.denominatorDegreesOfFreedom)))",
            pValue: test.fPValue, interval: nil, passed: passed, explanation: explanation,
            elements: leads.map {
                .init(label: "event time \($0.eventTime)", estimate: $0.estimate, standardError: $0.standardError, pValue: $0.pValue)
            })
    }
}
