import DataFrameModule
import Inference

extension StaggeredPanelSimulation {
    /// One seeded draw of the simulation: cohorts, teams, the outcome y and a placebo outcome, with
    /// the true effects aggregated over the realized cohort sizes.
    ///
    /// The placebo outcome has the structure of y without the effect:
    ///
    ///     placebo_it = α'_i + λ_t + u'_ct + δ·(t − g)·1{g > 0} + ε'_it
    ///
    /// with its own unit effects, team shocks and noise (same SDs, same `cohortShift` selection on
    /// levels) and the same differential trend δ: a placebo outcome shares the confounding of the
    /// real one but cannot respond to the training, so a significant "effect" on it points at the
    /// design, not at the program (Imbens & Rubin 2015, §21 on pseudo-outcomes).
    public struct Sample: Sendable, Equatable {
        /// The design that was simulated.
        public let design: StaggeredPanelSimulation
        /// The seed of the draw.
        public let seed: UInt64
        /// First treated period of each unit; 0 = never treated.
        public let cohortOfUnit: [Int]
        /// Team (cluster) of each unit, 0-based.
        public let clusterOfUnit: [Int]
        /// Outcome y, unit-major: `outcomes[unit * periods + t − 1]`.
        public let outcomes: [Double]
        /// Placebo outcome, same layout.
        public let placeboOutcomes: [Double]

        /// The wide panel of y (or of the placebo outcome), clustered by unit or by team.
        ///
        /// Units are named "1"…"n"; the team variable is called `team`.
        public func panel(placebo: Bool = false, clusteredByTeam: Bool = false) -> StaggeredPanel {
            let rows = design.units * design.periods
            var ids: [String] = []
            var time: [Double] = []
            var cohort: [Double] = []
            var team: [String] = []
            ids.reserveCapacity(rows)
            time.reserveCapacity(rows)
            cohort.reserveCapacity(rows)
            for i in 0..<design.units {
                let id = String(i + 1)
                let teamID = String(clusterOfUnit[i] + 1)
                for t in 1...design.periods {
                    ids.append(id)
                    time.append(Double(t))
                    cohort.append(Double(cohortOfUnit[i]))
                    if clusteredByTeam { team.append(teamID) }
                }
            }
            // The simulated panel is balanced, complete and has constant cohorts and teams by construction.
            return try! StaggeredPanel(
                unit: ids, time: time, cohort: cohort, outcome: placebo ? placeboOutcomes : outcomes,
                cluster: clusteredByTeam ? team : nil, clusterName: "team")
        }

        /// The draw in long format, one row per unit and period, for the frame-based estimators:
        /// integer columns `unit` (1…n), `team` (1…G), `time` (1…T), `cohort` (0 = never treated) and
        /// double columns `y`, `placebo_y`.
        public func frame() -> DataFrame {
            let rows = design.units * design.periods
            var unit: [Int] = []
            var team: [Int] = []
            var time: [Int] = []
            var cohort: [Int] = []
            for i in 0..<design.units {
                for t in 1...design.periods {
                    unit.append(i + 1)
                    team.append(clusterOfUnit[i] + 1)
                    time.append(t)
                    cohort.append(cohortOfUnit[i])
                }
            }
            let complete = [Bool](repeating: false, count: rows)
            // Equal-length columns with distinct names always make a valid frame.
            return try! DataFrame(columns: [
                Column(name: "unit", values: .integer(unit, missing: complete)),
                Column(name: "team", values: .integer(team, missing: complete)),
                Column(name: "time", values: .integer(time, missing: complete)),
                Column(name: "cohort", values: .integer(cohort, missing: complete)),
                Column(name: "y", values: .double(outcomes, missing: complete)),
                Column(name: "placebo_y", values: .double(placeboOutcomes, missing: complete)),
            ])
        }

        /// Number of units in each cohort of the design (0 for a cohort no unit was drawn into).
        public var cohortSizes: [Int: Int] {
            var sizes = Dictionary(uniqueKeysWithValues: design.cohorts.map { ($0, 0) })
            for g in cohortOfUnit where g > 0 { sizes[g, default: 0] += 1 }
            return sizes
        }

        /// The true simple ATT: Σ_{(g,t): t ≥ g} n_g·τ_g(t) / Σ_{(g,t): t ≥ g} n_g over the panel's
        /// post-treatment cells, with the realized cohort sizes n_g — the estimand of
        /// `CallawaySantAnnaResult.aggregate(.simple)` (R `did::aggte(type = "simple")`).
        public var trueSimpleATT: Double {
            var total = 0.0
            var weight = 0.0
            for (g, size) in cohortSizes where size > 0 {
                for t in g...design.periods {
                    total += Double(size) * design.trueEffect(cohort: g, period: t)
                    weight += Double(size)
                }
            }
            return weight > 0 ? total / weight : 0
        }

        /// The true event-time effect θ(e) = Σ_g n_g·τ_g(g + e) / Σ_g n_g over the cohorts observed
        /// at event time e (g + e within 1…T), or `nil` when none is — the estimand of the elements of
        /// `aggregate(.dynamic)`; 0 for e < 0 (no anticipation; the differential trend is not an effect).
        public func trueDynamicATT(eventTime e: Int) -> Double? {
            var total = 0.0
            var weight = 0.0
            for (g, size) in cohortSizes where size > 0 && (1...design.periods).contains(g + e) {
                total += Double(size) * design.trueEffect(cohort: g, period: g + e)
                weight += Double(size)
            }
            return weight > 0 ? total / weight : nil
        }

        /// The true overall dynamic effect: the plain mean of θ(e) over the event times e ≥ 0 that
        /// are observed (the overall value of `aggregate(.dynamic)`).
        public var trueDynamicOverallATT: Double {
            let values = (0..<design.periods).compactMap { trueDynamicATT(eventTime: $0) }
            return values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        }
    }

    /// One draw of the design, reproducible from `seed` on any platform and thread count:
    /// `RandomStream` stream 0 assigns cohorts and teams, stream 1 draws y (as `simulate(seed:)`),
    /// stream 2 the placebo outcome.
    public func sample(seed: UInt64) -> Sample {
        let (cohortOfUnit, clusterOfUnit) = assignment(seed: seed)
        var draws = RandomStream(seed: seed, stream: 1)
        var placeboDraws = RandomStream(seed: seed, stream: 2)
        let y = outcomes(cohortOfUnit: cohortOfUnit, clusterOfUnit: clusterOfUnit, stream: &draws, treated: true)
        let placebo = outcomes(
            cohortOfUnit: cohortOfUnit, clusterOfUnit: clusterOfUnit, stream: &placeboDraws, treated: false)
        return Sample(
            design: self, seed: seed, cohortOfUnit: cohortOfUnit, clusterOfUnit: clusterOfUnit, outcomes: y,
            placeboOutcomes: placebo)
    }
}
