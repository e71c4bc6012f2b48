/// Goodman-Bacon (2021) decomposition of the static TWFE DiD coefficient into 2×2 comparisons.
///
/// Units are pooled into timing groups by the number of untreated periods `s` (treated from the
/// period index `s` on; `D_it = 1{t ≥ cohort_i}`); `D̄_k = (T − s_k)/T` is group k's treated share
/// of the periods and `n_k` its share of the units. For each pair k, l with `D̄_k > D̄_l`
/// (k treated earlier) the theorem gives two 2×2 DiDs and their weights:
///
///     β̂^k_kl: k treated, l control, periods before l is treated;
///             s^k_kl = n_k n_l (D̄_k − D̄_l)(1 − D̄_k) / V̂^D
///     β̂^l_kl: l treated, k (already treated) control, periods from k's treatment on;
///             s^l_kl = n_k n_l D̄_l (D̄_k − D̄_l) / V̂^D
///
/// These are equations (10b)–(10c) of Goodman-Bacon (2021) with `(n_k + n_l)² n_kl(1 − n_kl)`
/// written as `n_k n_l`; with l never treated (`D̄_l = 0`) the first is (10a),
/// `s_kU = n_k n_U D̄_k(1 − D̄_k)/V̂^D`, over the whole panel, and the second vanishes; with k
/// always treated (`D̄_k = 1`) the first vanishes and the second compares l with the always
/// treated over the whole panel. `V̂^D = (1/NT) Σ D̃_it²` is the variance of the two-way demeaned
/// treatment, so the weights sum to one and `Σ s β̂ = β̂_TWFE` exactly.
///
/// Reference: Goodman-Bacon, A. (2021), "Difference-in-differences with variation in treatment
/// timing", *Journal of Econometrics* 225(2), 254–277 (as in R `bacondecomp::bacon` and Stata
/// `bacondecomp`). Checked against an independent numpy/statsmodels implementation, whose 2×2s are
/// subsample TWFE fits and whose weights are eq. (10a)–(10c) as printed, to 1e-8, and against the
/// TWFE identity (`datasets/reference/bacon_staggered.json`).
public enum GoodmanBacon {
    /// Decomposes the TWFE coefficient of `panel`'s outcome on its staggered treatment.
    ///
    /// Cohorts at or before the first period make up the always-treated group; cohorts after the
    /// last period are untreated throughout and join the never treated.
    /// - Throws: `GoodmanBaconError.noTreatmentVariation` when the two-way demeaned treatment is
    ///   identically zero (every unit shares one treatment path), so the TWFE coefficient is not
    ///   identified.
    public static func decompose(_ panel: StaggeredPanel) throws -> GoodmanBaconDecomposition {
        let periodCount = panel.periods.count
        let unitCount = panel.unitCount
        // Untreated periods per unit: the index of the first period at or after the cohort.
        let untreated: [Int] = panel.cohorts.map { cohort in
            guard let g = cohort else { return periodCount }
            return panel.periods.firstIndex { $0 >= g } ?? periodCount
        }
        let paths = Array(Set(untreated)).sorted()  // ascending s = earliest treated first
        let pathIndex = Dictionary(uniqueKeysWithValues: paths.enumerated().map { ($1, $0) })
        let pathCount = paths.count
        var sizes = [Int](repeating: 0, count: pathCount)
        // Group-period sums of the outcome, then means.
        var means = [Double](repeating: 0, count: pathCount * periodCount)
        for unit in 0..<unitCount {
            let k = pathIndex[untreated[unit]]!
            sizes[k] += 1
            for t in 0..<periodCount { means[k * periodCount + t] += panel.outcome(unit: unit, period: t) }
        }
        for k in 0..<pathCount {
            for t in 0..<periodCount { means[k * periodCount + t] /= Double(sizes[k]) }
        }

        let direct = try twoWayDemeanedRegression(panel, untreated: untreated)
        let nT = Double(unitCount)
        let tT = Double(periodCount)
        let share = sizes.map { Double($0) / nT }
        let treatedShare = paths.map { Double(periodCount - $0) / tT }

        func group(_ k: Int) -> GoodmanBaconDecomposition.Group {
            if paths[k] == 0 { return .alwaysTreated }
            if paths[k] == periodCount { return .neverTreated }
            return .cohort(panel.periods[paths[k]])
        }
        // Mean of group k's outcome over period indices `range`.
        func mean(_ k: Int, _ range: Range<Int>) -> Double {
            var s = 0.0
            for t in range { s += means[k * periodCount + t] }
            return s / Double(range.count)
        }
        // 2×2 DiD of `treated` vs `control` on the window `start..<end`, treated from `switchAt`.
        func twoByTwo(treated: Int, control: Int, start: Int, switchAt: Int, end: Int) -> Double {
            let pre = start..<switchAt
            let post = switchAt..<end
            return (mean(treated, post) - mean(treated, pre)) - (mean(control, post) - mean(control, pre))
        }

        var comparisons: [GoodmanBaconDecomposition.Comparison] = []
        for k in 0..<pathCount {
            for l in (k + 1)..<pathCount {
                // k is treated earlier than l (s_k < s_l, D̄_k > D̄_l).
                let sk = paths[k]
                let sl = paths[l]
                let scale = share[k] * share[l] * (treatedShare[k] - treatedShare[l]) / direct.variance
                // Earlier k vs later (or never treated) l, before l's treatment; zero weight when
                // k is always treated (no pre-period).
                if sk > 0 {
                    let type: GoodmanBaconDecomposition.ComparisonType =
                        sl == periodCount ? .treatedVsNeverTreated : .earlierVsLaterTreated
                    comparisons.append(
                        .init(
                            type: type, treated: group(k), control: group(l),
                            window: panel.periods[0]...panel.periods[sl - 1],
                            estimate: twoByTwo(treated: k, control: l, start: 0, switchAt: sk, end: sl),
                            weight: scale * (1 - treatedShare[k]), treatedUnits: sizes[k], controlUnits: sizes[l]))
                }
                // Later l vs earlier (or always treated) k, from k's treatment on; zero weight when
                // l is never treated (no post-period).
                if sl < periodCount {
                    let type: GoodmanBaconDecomposition.ComparisonType =
                        sk == 0 ? .laterVsAlwaysTreated : .laterVsEarlierTreated
                    comparisons.append(
                        .init(
                            type: type, treated: group(l), control: group(k),
                            window: panel.periods[sk]...panel.periods[periodCount - 1],
                            estimate: twoByTwo(treated: l, control: k, start: sk, switchAt: sl, end: periodCount),
                            weight: scale * treatedShare[l], treatedUnits: sizes[l], controlUnits: sizes[k]))
                }
            }
        }
        // Treated-vs-never first (R `bacondecomp` order), then the timing comparisons.
        let order = GoodmanBaconDecomposition.ComparisonType.allCases
        comparisons.sort { order.firstIndex(of: $0.type)! < order.firstIndex(of: $1.type)! }
        let weightedSum = comparisons.reduce(0) { $0 + $1.weight * $1.estimate }
        var groupSizes: [GoodmanBaconDecomposition.Group: Int] = [:]
        for k in 0..<pathCount { groupSizes[group(k)] = sizes[k] }
        return GoodmanBaconDecomposition(
            comparisons: comparisons, twfeEstimate: direct.coefficient, weightedSum: weightedSum,
            treatmentVariance: direct.variance, unitCount: unitCount, periodCount: periodCount,
            groupSizes: groupSizes)
    }

    /// The TWFE coefficient by Frisch–Waugh–Lovell on the balanced panel: `D̃_it = D_it − D̄_i − D̄_t + D̄`
    /// (exact two-way demeaning when balanced), `β̂ = Σ D̃ y / Σ D̃²`, and `V̂^D = Σ D̃² / NT`.
    static func twoWayDemeanedRegression(
        _ panel: StaggeredPanel, untreated: [Int]
    ) throws -> (coefficient: Double, variance: Double) {
        let n = panel.unitCount
        let periods = panel.periods.count
        var periodMean = [Double](repeating: 0, count: periods)
        for s in untreated where s < periods {
            for t in s..<periods { periodMean[t] += 1 }
        }
        for t in 0..<periods { periodMean[t] /= Double(n) }
        let grandMean = periodMean.reduce(0, +) / Double(periods)
        var sumSquares = 0.0
        var sumCross = 0.0
        for unit in 0..<n {
            let unitMean = Double(periods - untreated[unit]) / Double(periods)
            for t in 0..<periods {
                let d = (t >= untreated[unit] ? 1.0 : 0.0) - unitMean - periodMean[t] + grandMean
                sumSquares += d * d
                sumCross += d * panel.outcome(unit: unit, period: t)
            }
        }
        // Relative to the NT observations of a 0/1 variable; a single treatment path leaves only rounding.
        guard sumSquares > 1e-12 * Double(n * periods) else { throw GoodmanBaconError.noTreatmentVariation }
        return (sumCross / sumSquares, sumSquares / Double(n * periods))
    }
}
