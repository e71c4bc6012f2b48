import DataFrameModule

/// The panel of an event study prepared for the regression: relative time per row, the window
/// applied (binned or dropped) and one 0/1 indicator column per estimated event time.
struct EventStudyPanel: Sendable {
    /// The data (without rows dropped outside the window) plus the indicator columns.
    let frame: DataFrame
    /// The indicator column names, aligned with `specification.estimatedEventTimes`.
    let indicatorNames: [String]
    /// Treated rows left out because their relative time lies outside the window (`.drop` only).
    let rowsOutsideWindow: Int
    /// Per row of `frame`: the (binned) relative time of a treated unit; `nil` for never-treated
    /// units and rows without a period.
    let relativeTime: [Int?]
    /// Per row of `frame`: the unit's cohort, `nil` if never treated.
    let cohort: [Int?]
    /// Per row of `frame`: the unit id as text (`nil` if missing), to count units.
    let unitKey: [String?]

    /// Builds the panel; see `EventStudy.estimate` for the errors.
    init(_ spec: EventStudySpecification, data: DataFrame) throws {
        let rows = try StaggeredRows(
            data: data, unit: spec.unit, time: spec.time, cohort: spec.cohort, neverTreated: spec.neverTreated)
        let (time, cohort, unitKey, first, last) = (rows.time, rows.cohort, rows.unitKey, rows.first, rows.last)
        for i in 0..<data.rowCount {
            if let c = cohort[i], c < first || c > last {
                throw EventStudyError.cohortOutsideTimeRange(unit: unitKey[i] ?? "NA", cohort: c, first: first, last: last)
            }
        }

        // Relative time, with the window's endpoints binned or the row dropped.
        var relative = [Int?](repeating: nil, count: data.rowCount)
        var keep = [Int]()
        keep.reserveCapacity(data.rowCount)
        for i in 0..<data.rowCount {
            guard let c = cohort[i], let t = time[i] else {
                keep.append(i)
                continue
            }
            let rel = t - c
            if spec.window.contains(rel) {
                relative[i] = rel
            } else if spec.endpoints == .drop {
                continue
            } else {
                relative[i] = min(max(rel, spec.window.lowerBound), spec.window.upperBound)
            }
            keep.append(i)
        }
        let kept = keep.count == data.rowCount ? data : data.taking(rows: keep)

        let times = spec.estimatedEventTimes
        var names = [String]()
        var columns = [Column]()
        for k in times {
            var name = Self.indicatorName(k)
            while data[name] != nil { name = "_" + name }
            names.append(name)
            // Rows without a period get 0 here; the time fixed effect drops them as missing.
            let values = keep.map { relative[$0] == k ? 1.0 : 0.0 }
            columns.append(Column(name: name, values: .double(values, missing: [Bool](repeating: false, count: keep.count))))
        }
        frame = try DataFrame(columns: kept.columns + columns)
        indicatorNames = names
        rowsOutsideWindow = data.rowCount - keep.count
        relativeTime = keep.map { relative[$0] }
        self.cohort = keep.map { cohort[$0] }
        self.unitKey = keep.map { unitKey[$0] }
    }

    /// `rel_m3` for event time −3, `rel_p0` for 0, `rel_p2` for +2.
    static func indicatorName(_ k: Int) -> String { k < 0 ? "rel_m\(-k)" : "rel_p\(k)" }

    /// The column as whole numbers (`nil` = missing); throws if it is not numeric or not integral.
    static func integerValues(_ column: Column) throws -> [Int?] {
        guard column.type != .categorical, let values = column.numericValues() else {
            throw EstimationError.nonNumericColumn(name: column.name, type: column.type.description)
        }
        return try values.map { value in
            if value.isNaN { return nil }
            guard value.isFinite, value == value.rounded(), abs(value) < 1e15 else {
                throw EventStudyError.nonIntegerPeriod(column: column.name, value: value)
            }
            return Int(value)
        }
    }
}
