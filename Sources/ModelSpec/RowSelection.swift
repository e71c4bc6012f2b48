import DataFrameModule

/// The rows a model can use, found in one pass per column, with the account of the others.
///
/// Stages run in the order of `DropReason`: outcome, regressors, absorbed fixed effects, required
/// columns, weight (singletons are removed later, from these rows). A row
/// is charged to the first stage that rejects it, so the counts add up to the rows dropped.
/// Non-finite doubles (NaN, ±∞) count as missing: R's `na.omit` drops NaN as NA, and an infinite
/// value would otherwise poison the fit.
struct RowSelection {
    /// Source-frame indices of the rows used, ascending.
    let rows: [Int]
    let account: ObservationAccount

    init(
        outcome: Column, regressors: [Column], fixedEffects: [Column] = [], required: [Column], weight: Column?,
        rowCount n: Int
    ) throws(ModelSpecError) {
        var keep = [Bool](repeating: true, count: n)
        var dropped: [DroppedRows] = []
        func stage(_ column: Column, _ reason: DropReason) {
            dropped.append(DroppedRows(reason: reason, count: Self.dropMissing(column, from: &keep)))
        }
        stage(outcome, .missingOutcome(variable: outcome.name))
        for column in regressors { stage(column, .missingRegressor(variable: column.name)) }
        for column in fixedEffects { stage(column, .missingFixedEffect(variable: column.name)) }
        for column in required { stage(column, .missingRequired(variable: column.name)) }
        if let weight {
            stage(weight, .missingWeight(variable: weight.name))
            let (zero, negative) = Self.dropZeroWeights(weight, from: &keep)
            if negative > 0 { throw .negativeWeights(variable: weight.name, rows: negative) }
            dropped.append(DroppedRows(reason: .nonPositiveWeight(variable: weight.name), count: zero))
            if zero > 0, !keep.contains(true) { throw .weightsAllZero(variable: weight.name) }
        }
        var rows: [Int] = []
        rows.reserveCapacity(n)
        for i in 0..<n where keep[i] { rows.append(i) }
        account = ObservationAccount(totalRows: n, usedRows: rows.count, dropped: dropped)
        guard !rows.isEmpty else { throw .noObservations(account: account) }
        self.rows = rows
    }

    /// Clears `keep` for rows still kept whose value is missing; returns how many it cleared.
    private static func dropMissing(_ column: Column, from keep: inout [Bool]) -> Int {
        var count = 0
        // One loop per storage type, so the type switch is outside the row loop.
        switch column.values {
        case .double(let values, let missing):
            for i in keep.indices where keep[i] && (missing[i] || !values[i].isFinite) {
                keep[i] = false
                count += 1
            }
        case .integer(_, let missing), .bool(_, let missing), .date(_, let missing):
            for i in keep.indices where keep[i] && missing[i] {
                keep[i] = false
                count += 1
            }
        case .categorical(let codes, _):
            for i in keep.indices where keep[i] && codes[i] < 0 {
                keep[i] = false
                count += 1
            }
        }
        return count
    }

    /// Clears rows with weight zero; returns (zero weights dropped, negative weights seen) among
    /// kept rows. The column is numeric and its missing entries are already cleared.
    private static func dropZeroWeights(_ column: Column, from keep: inout [Bool]) -> (Int, Int) {
        var zero = 0
        var negative = 0
        func visit(_ i: Int, _ w: Double) {
            if w == 0 {
                keep[i] = false
                zero += 1
            } else if w < 0 {
                negative += 1
            }
        }
        switch column.values {
        case .double(let values, _): for i in keep.indices where keep[i] { visit(i, values[i]) }
        case .integer(let values, _): for i in keep.indices where keep[i] { visit(i, Double(values[i])) }
        case .bool(let values, _): for i in keep.indices where keep[i] { visit(i, values[i] ? 1 : 0) }
        case .date, .categorical: preconditionFailure("weight column type is checked before row selection")
        }
        return (zero, negative)
    }
}
