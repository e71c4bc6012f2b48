import DataFrameModule

/// The panel of a Sun & Abraham regression: the control cohort chosen, always-treated cohorts and
/// rows without a control removed, the window applied, and one 0/1 column per cohort ×
/// relative-period cell.
struct SunAbrahamPanel: Sendable {
    /// The kept rows plus the cell indicator columns.
    let frame: DataFrame
    /// The cells that got a column, sorted; aligned with `columnNames`.
    let cells: [SunAbrahamCell]
    /// The indicator column names.
    let columnNames: [String]
    /// Per row of `frame`: the cell of a treated row outside the control cohort (the reference
    /// period included), `nil` for control rows and rows without a period.
    let cellOfRow: [SunAbrahamCell?]
    /// Per row of `frame`: the unit id as text (`nil` if missing), to count units.
    let unitKey: [String?]
    /// The control cohort.
    let control: SunAbrahamControl
    /// Cohorts treated from the panel's first period on (or before): left out, as fixest does.
    let alwaysTreatedCohorts: [Int]
    /// Rows of those cohorts.
    let alwaysTreatedRows: Int
    /// Treated rows outside the window (`.drop` only).
    let rowsOutsideWindow: Int
    /// The event times asked for: the window's, or every one from the earliest to the latest
    /// observed relative period; the reference period excluded.
    let requestedEventTimes: [Int]

    /// Builds the panel; see `SunAbraham.estimate` for the errors.
    init(_ spec: SunAbrahamSpecification, data: DataFrame) throws {
        let rows = try StaggeredRows(
            data: data, unit: spec.unit, time: spec.time, cohort: spec.cohort, neverTreated: spec.neverTreated)
        let (time, unitKey, unitCohort, first, last) = (rows.time, rows.unitKey, rows.unitCohort, rows.first, rows.last)
        // A cohort after the last period is never treated in the panel (fixest: a cohort with only
        // negative relative periods is a reference cohort).
        let cohort = rows.cohort.map { $0.flatMap { $0 > last ? nil : $0 } }

        // fixest drops the always treated (only non-negative relative periods): no untreated period.
        let always = Set(cohort.compactMap { $0 }.filter { $0 <= first })
        let treatedCohorts = Set(cohort.compactMap { $0 }).subtracting(always).sorted()
        let neverUnits = Set(unitCohort.filter { $0.value.map { $0 > last } ?? true }.keys)
        guard !treatedCohorts.isEmpty else {
            throw SunAbrahamError.noTreatedCohort(cohort: spec.cohort, alwaysTreatedCohorts: always.sorted())
        }
        let control: SunAbrahamControl
        let controlCohort: Int?
        if !neverUnits.isEmpty {
            control = .neverTreated(units: neverUnits.count)
            controlCohort = nil
        } else {
            guard treatedCohorts.count >= 2, let lastCohort = treatedCohorts.last else {
                throw SunAbrahamError.noControlCohort(cohort: treatedCohorts[0])
            }
            controlCohort = lastCohort
            let units = Set(unitCohort.filter { $0.value == lastCohort }.keys).count
            // From period g_last on every unit is treated: those rows have no control (S&A 2021, §4.1).
            let dropped = (0..<data.rowCount).filter { i in
                !(cohort[i].map(always.contains) ?? false) && (time[i].map { $0 >= lastCohort } ?? false)
            }.count
            control = .lastTreated(cohort: lastCohort, units: units, rowsDropped: dropped)
        }

        var keep = [Int]()
        keep.reserveCapacity(data.rowCount)
        var cellOfRow = [SunAbrahamCell?](repeating: nil, count: data.rowCount)
        var alwaysRows = 0
        var outside = 0
        for i in 0..<data.rowCount {
            if let c = cohort[i], always.contains(c) {
                alwaysRows += 1
                continue
            }
            if let controlCohort, let t = time[i], t >= controlCohort { continue }
            guard let c = cohort[i], c != controlCohort, let t = time[i] else {
                keep.append(i)
                continue
            }
            var k = t - c
            if let window = spec.window, !window.contains(k) {
                if spec.endpoints == .drop {
                    outside += 1
                    continue
                }
                k = min(max(k, window.lowerBound), window.upperBound)
            }
            cellOfRow[i] = SunAbrahamCell(cohort: c, eventTime: k)
            keep.append(i)
        }
        let keptCells = keep.map { cellOfRow[$0] }
        let observed = Set(keptCells.compactMap { $0 })
        let withReference = Set(observed.filter { $0.eventTime == spec.referencePeriod }.map(\.cohort))
        let lacking = Set(observed.map(\.cohort)).subtracting(withReference).sorted()
        guard lacking.isEmpty else {
            throw SunAbrahamError.referencePeriodMissing(referencePeriod: spec.referencePeriod, cohorts: lacking)
        }
        let cells = observed.filter { $0.eventTime != spec.referencePeriod }.sorted()
        guard !cells.isEmpty else { throw SunAbrahamError.noEffectCells(referencePeriod: spec.referencePeriod) }
        let span = cells.map(\.eventTime) + [spec.referencePeriod]
        let range = spec.window ?? (span.min()!...span.max()!)
        requestedEventTimes = range.filter { $0 != spec.referencePeriod }

        let kept = keep.count == data.rowCount ? data : data.taking(rows: keep)
        var names = [String]()
        var columns = [Column]()
        let index = Dictionary(uniqueKeysWithValues: cells.enumerated().map { ($1, $0) })
        var values = [[Double]](repeating: [Double](repeating: 0, count: keep.count), count: cells.count)
        for (r, cell) in keptCells.enumerated() {
            if let cell, let j = index[cell] { values[j][r] = 1 }
        }
        for (j, cell) in cells.enumerated() {
            var name = Self.columnName(cell)
            while data[name] != nil { name = "_" + name }
            names.append(name)
            columns.append(Column(name: name, values: .double(values[j], missing: [Bool](repeating: false, count: keep.count))))
        }
        frame = try DataFrame(columns: kept.columns + columns)
        self.cells = cells
        columnNames = names
        self.cellOfRow = keptCells
        self.unitKey = keep.map { unitKey[$0] }
        self.control = control
        alwaysTreatedCohorts = always.sorted()
        alwaysTreatedRows = alwaysRows
        rowsOutsideWindow = outside
    }

    /// `sa_g5_m2` for cohort 5 at relative period −2, `sa_g5_p0` at 0 (`sa_gm3_p1` for cohort −3).
    static func columnName(_ cell: SunAbrahamCell) -> String {
        let g = cell.cohort < 0 ? "m\(-cell.cohort)" : "\(cell.cohort)"
        return "sa_g\(g)_" + EventStudyPanel.indicatorName(cell.eventTime).dropFirst(4)
    }
}
