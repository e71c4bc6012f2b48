import DataFrameModule

extension ImputationEstimator {
    /// The long panel of the imputation estimator as dense codes: one entry per usable row, with the
    /// treatment status and whether the row's Y(0) can be imputed.
    struct Panel: Sendable {
        /// Row of the source frame of each usable row.
        let sourceRows: [Int]
        /// Rows left out for a missing outcome, unit, period, cluster or covariate.
        let rowsWithMissingValues: Int
        let outcome: [Double]
        /// Dense unit code (0..<unitIDs.count) of each row.
        let unit: [Int]
        let unitIDs: [String]
        /// Dense period code (0..<periods.count) of each row; `periods` ascending.
        let period: [Int]
        let periods: [Int]
        /// Cohort E_i of each row's unit, `nil` if never treated.
        let cohort: [Int?]
        /// Dense cluster code (0..<clusterCount) of each row.
        let cluster: [Int]
        let clusterCount: Int
        /// Covariate values, one array per covariate, aligned with the rows.
        let covariates: [[Double]]
        /// D_it = 1[t ≥ E_i − anticipation].
        let treated: [Bool]
        /// Whether a treated row's Y(0) can be imputed (always `false` for untreated rows).
        let imputable: [Bool]
        /// Connected components of the unit–period graph of untreated observations.
        let untreatedComponents: Int

        var rowCount: Int { outcome.count }

        /// Event time `t − E_i` of a row of an ever-treated unit.
        func eventTime(_ r: Int) -> Int? { cohort[r].map { periods[period[r]] - $0 } }

        /// Extracts the columns; see `ImputationEstimator.estimate` for the errors.
        init(_ spec: Specification, data: DataFrame) throws {
            let yColumn = try DiD2x2.requireColumn(spec.outcome, in: data)
            let unitColumn = try DiD2x2.requireColumn(spec.unit, in: data)
            let timeColumn = try DiD2x2.requireColumn(spec.time, in: data)
            let cohortColumn = try DiD2x2.requireColumn(spec.cohort, in: data)
            let clusterColumn = try DiD2x2.requireColumn(spec.cluster, in: data)
            func numeric(_ column: Column) throws -> [Double] {
                guard column.type != .categorical, let values = column.numericValues() else {
                    throw EstimationError.nonNumericColumn(name: column.name, type: column.type.description)
                }
                return values
            }
            let y = try numeric(yColumn)
            let time = try numeric(timeColumn)
            let cohortValues = try numeric(cohortColumn)
            let x = try spec.covariates.map { try numeric(DiD2x2.requireColumn($0, in: data)) }

            var keep: [Int] = []
            keep.reserveCapacity(data.rowCount)
            for i in 0..<data.rowCount {
                // A row without outcome, unit, period, cluster or covariate cannot enter either stage.
                if y[i].isNaN || time[i].isNaN || unitColumn.isMissing(i) || clusterColumn.isMissing(i) { continue }
                if x.contains(where: { $0[i].isNaN }) { continue }
                keep.append(i)
            }
            func integer(_ value: Double, column: String) throws -> Int {
                guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
                    throw ImputationEstimatorError.nonIntegerPeriod(column: column, value: value)
                }
                return Int(value)
            }

            var unitCode: [String: Int] = [:]
            var ids: [String] = []
            var clusterCode: [String: Int] = [:]
            var unitCohort: [Int: Int?] = [:]
            var units = [Int]()
            var clusters = [Int]()
            var times = [Int]()
            var cohorts = [Int?]()
            for i in keep {
                let key = unitColumn.text(at: i)
                let u = unitCode[key] ?? ids.count
                if u == ids.count {
                    unitCode[key] = u
                    ids.append(key)
                }
                let clusterKey = clusterColumn.text(at: i)
                let c = clusterCode[clusterKey] ?? clusterCode.count
                clusterCode[clusterKey] = c
                let g: Int? =
                    spec.neverTreated.isNeverTreated(cohortValues[i])
                    ? nil : try integer(cohortValues[i], column: spec.cohort)
                if let seen = unitCohort[u] {
                    if seen != g { throw ImputationEstimatorError.cohortVariesWithinUnit(unit: key) }
                } else {
                    unitCohort[u] = g
                }
                units.append(u)
                clusters.append(c)
                times.append(try integer(time[i], column: spec.time))
                cohorts.append(g)
            }
            let periodList = Array(Set(times)).sorted()
            let periodCode = Dictionary(uniqueKeysWithValues: periodList.enumerated().map { ($1, $0) })

            sourceRows = keep
            rowsWithMissingValues = data.rowCount - keep.count
            outcome = keep.map { y[$0] }
            unit = units
            unitIDs = ids
            period = times.map { periodCode[$0]! }
            periods = periodList
            cohort = cohorts
            cluster = clusters
            clusterCount = clusterCode.count
            covariates = x.map { column in keep.map { column[$0] } }
            treated = zip(times, cohorts).map { t, g in g.map { t >= $0 - spec.anticipation } ?? false }
            (imputable, untreatedComponents) = Self.imputability(
                unit: units, period: period, treated: treated, unitCount: ids.count, periodCount: periodList.count)
        }

        /// Which treated rows have an imputable Y(0) under unit and period effects: the unit and the
        /// period must both have untreated observations and lie in one connected component of the
        /// bipartite unit–period graph of untreated observations (otherwise α_i + λ_t is not
        /// identified; Stata `did_imputation`, "What if imputation is not possible"). Also returns the
        /// number of connected components.
        static func imputability(
            unit: [Int], period: [Int], treated: [Bool], unitCount: Int, periodCount: Int
        ) -> (imputable: [Bool], components: Int) {
            var parent = Array(0..<(unitCount + periodCount))
            func root(_ a: Int) -> Int {
                var a = a
                while parent[a] != a {
                    parent[a] = parent[parent[a]]
                    a = parent[a]
                }
                return a
            }
            var unitSeen = [Bool](repeating: false, count: unitCount)
            var periodSeen = [Bool](repeating: false, count: periodCount)
            for r in unit.indices where !treated[r] {
                unitSeen[unit[r]] = true
                periodSeen[period[r]] = true
                let (a, b) = (root(unit[r]), root(unitCount + period[r]))
                if a != b { parent[a] = b }
            }
            let flags = unit.indices.map { r in
                treated[r] && unitSeen[unit[r]] && periodSeen[period[r]]
                    && root(unit[r]) == root(unitCount + period[r])
            }
            let components = Set((0..<periodCount).filter { periodSeen[$0] }.map { root(unitCount + $0) }).count
            return (flags, components)
        }
    }
}
