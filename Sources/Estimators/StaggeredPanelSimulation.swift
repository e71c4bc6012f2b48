import Foundation
import Inference

/// A seeded staggered-adoption panel with known group-time effects, for checking estimators.
///
/// Outcome of unit i (cluster c) in period t = 1…T:
///
///     Y_it = α_i + λ_t + u_ct + τ_g(t) + ε_it,   τ_g(t) = (β_g + γ·(t − g))·1{t ≥ g}
///
/// with α_i ~ N(0, unitSD²) shifted by `cohortShift`·g (selection on levels, which differencing
/// removes), λ_t = `trend`·t, cluster-period shocks u_ct ~ N(0, clusterSD²) and ε_it ~ N(0, noiseSD²).
/// With the default `differentialTrend` δ = 0 parallel trends hold and there is no anticipation, so
/// the true ATT(g,t) is the mean of τ_g(t) over cohort g's units, which is τ_g(t) itself (effects
/// are homogeneous within a cohort and heterogeneous across cohorts and exposure). A δ ≠ 0 adds
/// δ·(t − g) to every treated unit's outcome in every period: a linear differential trend that
/// violates parallel trends (the causal effect, and so `trueEffect`, is unchanged). `sample(seed:)`
/// also draws a placebo outcome the treatment cannot affect (see `Sample`). Modelled on the seeded
/// DGPs of pyfixest (`utils/dgps.py`) and R `did::build_sim_dataset`.
public struct StaggeredPanelSimulation: Sendable, Equatable {
    /// Number of units.
    public var units: Int
    /// Number of periods T (periods are 1…T).
    public var periods: Int
    /// First treated period of each cohort (each within 2…T).
    public var cohorts: [Int]
    /// Effect on impact β_g of each cohort (aligned with `cohorts`).
    public var cohortEffects: [Double]
    /// Change of the effect per period of exposure γ (dynamic effects).
    public var effectGrowth: Double
    /// Share of units never treated; the rest are spread evenly over the cohorts at random.
    public var neverTreatedShare: Double
    /// Number of clusters; units are assigned to them at random.
    public var clusters: Int
    /// SD of the cluster-period shocks u_ct (shared by a cluster's units, so they correlate).
    public var clusterSD: Double
    /// Whether whole clusters adopt together (sites trained in waves) rather than single units;
    /// cluster shocks then correlate within cohorts, and unit-clustered SEs are too small.
    public var treatmentByCluster: Bool
    /// SD of the unit effects α_i.
    public var unitSD: Double
    /// Slope of the common time effect λ_t = trend·t.
    public var trend: Double
    /// Level shift of α_i per unit of the cohort's start (treated cohorts differ in levels only).
    public var cohortShift: Double
    /// SD of the idiosyncratic noise ε_it.
    public var noiseSD: Double
    /// Slope δ of the differential trend δ·(t − g) of treated units (0: parallel trends hold).
    public var differentialTrend: Double = 0

    /// A simulation design; defaults give a 3-cohort panel with never-treated units.
    public init(
        units: Int = 500, periods: Int = 8, cohorts: [Int] = [4, 6, 7], cohortEffects: [Double] = [1, 2, 3],
        effectGrowth: Double = 0.5, neverTreatedShare: Double = 0.3, clusters: Int = 50, clusterSD: Double = 0.5,
        treatmentByCluster: Bool = false, unitSD: Double = 2, trend: Double = 0.4, cohortShift: Double = 0.2,
        noiseSD: Double = 1, differentialTrend: Double = 0
    ) {
        precondition(units > 0 && periods >= 2 && clusters > 0, "need units, clusters and at least two periods")
        precondition(cohorts.count == cohortEffects.count, "one effect per cohort")
        precondition(cohorts.allSatisfy { (2...periods).contains($0) }, "cohorts must lie in 2…periods")
        precondition((0...1).contains(neverTreatedShare), "neverTreatedShare must lie in [0, 1]")
        self.units = units
        self.periods = periods
        self.cohorts = cohorts
        self.cohortEffects = cohortEffects
        self.effectGrowth = effectGrowth
        self.neverTreatedShare = neverTreatedShare
        self.clusters = clusters
        self.clusterSD = clusterSD
        self.treatmentByCluster = treatmentByCluster
        self.unitSD = unitSD
        self.trend = trend
        self.cohortShift = cohortShift
        self.noiseSD = noiseSD
        self.differentialTrend = differentialTrend
    }

    /// The true ATT(g,t): (β_g + γ·(t − g)) for t ≥ g, 0 before.
    public func trueEffect(cohort: Int, period: Int) -> Double {
        guard let k = cohorts.firstIndex(of: cohort) else { preconditionFailure("unknown cohort \(cohort)") }
        return period >= cohort ? cohortEffects[k] + effectGrowth * Double(period - cohort) : 0
    }

    /// A simulated panel and each unit's cluster, reproducible from `seed` (independent of
    /// platform and thread count: `RandomStream` streams 0 for assignment, 1 for outcomes).
    /// The panel is clustered by unit; `sample(seed:)` gives the same draw with the team clusters,
    /// the placebo outcome and the true aggregates.
    public func simulate(seed: UInt64) -> (panel: StaggeredPanel, clusterOfUnit: [Int]) {
        let draw = sample(seed: seed)
        return (draw.panel(), draw.clusterOfUnit)
    }

    /// Cohort (0 = never treated) and cluster of every unit, from `RandomStream` stream 0.
    func assignment(seed: UInt64) -> (cohortOfUnit: [Int], clusterOfUnit: [Int]) {
        var assign = RandomStream(seed: seed, stream: 0)
        // A cohort draw: never treated with the given share, else one of the cohorts at random.
        func drawCohort() -> Int {
            guard !cohorts.isEmpty, assign.nextUniform() >= neverTreatedShare else { return 0 }
            return cohorts[assign.nextInt(below: cohorts.count)]
        }
        let cohortOfCluster = treatmentByCluster ? (0..<clusters).map { _ in drawCohort() } : []
        var cohortOfUnit = [Int](repeating: 0, count: units)
        var clusterOfUnit = [Int](repeating: 0, count: units)
        for i in 0..<units {
            clusterOfUnit[i] = assign.nextInt(below: clusters)
            cohortOfUnit[i] = treatmentByCluster ? cohortOfCluster[clusterOfUnit[i]] : drawCohort()
        }
        return (cohortOfUnit, clusterOfUnit)
    }

    /// Unit-major outcomes (`[unit * periods + t − 1]`) drawn from `stream`: cluster-period shocks
    /// first, then per unit its effect α_i and one noise draw per period. With `treated` false the
    /// effect τ is left out (the placebo outcome); the differential trend is kept either way.
    func outcomes(cohortOfUnit: [Int], clusterOfUnit: [Int], stream: inout RandomStream, treated: Bool) -> [Double] {
        let shocks = (0..<(clusters * periods)).map { _ in clusterSD * Self.normal(&stream) }
        var outcome: [Double] = []
        outcome.reserveCapacity(units * periods)
        for i in 0..<units {
            let g = cohortOfUnit[i]
            let alpha = unitSD * Self.normal(&stream) + cohortShift * Double(g)
            for t in 1...periods {
                let tau = g > 0 && treated ? trueEffect(cohort: g, period: t) : 0
                // Added only when δ ≠ 0, so that default designs reproduce their earlier draws bit for bit.
                let drift = g > 0 && differentialTrend != 0 ? differentialTrend * Double(t - g) : 0
                let y =
                    alpha + trend * Double(t) + shocks[clusterOfUnit[i] * periods + t - 1] + tau
                    + noiseSD * Self.normal(&stream)
                outcome.append(drift == 0 ? y : y + drift)
            }
        }
        return outcome
    }

    /// A standard normal draw by Box–Muller (one of the pair; simple and reproducible).
    static func normal(_ stream: inout RandomStream) -> Double {
        let u1 = 1 - stream.nextUniform()  // in (0, 1], so log is finite
        let u2 = stream.nextUniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
