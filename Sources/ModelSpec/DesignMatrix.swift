import DataFrameModule
import LinearAlgebra

/// The numeric form of a model: regressor matrix, outcome, weights and the rows they came from.
///
/// Built from a `Formula` and a `DataFrame` by `build(_:data:options:)`; columns and names follow
/// patsy/statsmodels (`Intercept`, `tenure`, `C(region)[T.North]`, `region[T.North]`, `a:b`,
/// `C(g)[T.b]:x`, and `C(g)[a]` for a full dummy set), so coefficients can be compared with
/// `statsmodels.formula.api.ols` output by name.
public struct DesignMatrix: Sendable, Equatable {
    /// Regressors, `usedRows × k`, column-major.
    public let x: Matrix
    /// Outcome on the rows used.
    public let y: [Double]
    /// One name per column of `x`.
    public let columnNames: [String]
    /// The formula the design was built from.
    public let formula: Formula
    /// Rows of the source frame that were used, ascending; row `i` of `x` is frame row `rowIndices[i]`.
    public let rowIndices: [Int]
    /// Analytic weights on the rows used (for WLS), or `nil` without a weight column.
    public let weights: [Double]?
    /// How many rows were used and why the others were dropped.
    public let account: ObservationAccount
    /// Which columns belong to which term, intercept first, then terms in formula order.
    public let termColumns: [TermColumns]

    /// Builds the design of `formula` on `data`.
    ///
    /// Rows missing the outcome, a regressor, a required column or the weight, or with weight zero,
    /// are dropped and counted in `account` (listwise deletion, R's `na.omit` default for `lm`).
    /// Numeric and boolean columns enter as numbers (booleans 0/1), dates as days since 1970-01-01
    /// unless wrapped in `C()`; categorical columns and `C(x)` become treatment dummies for every
    /// level but the reference (default: first sorted level present in the rows used). Which terms
    /// get a full dummy set follows patsy (see `TermCoding`). Interactions multiply their factors'
    /// columns, the leftmost factor varying fastest (R and patsy's order). Column order: intercept,
    /// then terms in formula order.
    ///
    /// Cost: one pass per column to select rows, one per factor to encode, one per output column
    /// to fill a preallocated column-major buffer.
    ///
    /// - Throws: `ModelSpecError` — absorbed effects present, unknown columns, a non-numeric
    ///   outcome or weight, negative weights, no rows left, a bad reference, a one-level factor.
    public static func build(
        _ formula: Formula, data: DataFrame, options: DesignOptions = .init()
    ) throws(ModelSpecError) -> DesignMatrix {
        guard formula.absorbed.isEmpty else { throw .absorbedEffectsNotYetSupported(effects: formula.absorbed) }
        func column(_ name: String) throws(ModelSpecError) -> Column {
            guard let found = data[name] else {
                throw .unknownVariable(name: name, suggestion: closestName(to: name, among: data.columnNames))
            }
            return found
        }
        let outcome = try column(formula.outcome)
        guard outcome.type.isNumeric else { throw .nonNumericOutcome(variable: outcome.name, type: outcome.type) }
        var regressors: [String: Column] = [:]
        for name in formula.regressorVariables { regressors[name] = try column(name) }
        var required: [Column] = []
        for name in options.requiredColumns { required.append(try column(name)) }
        var weight: Column?
        if let name = options.weights {
            let found = try column(name)
            guard found.type.isNumeric else { throw .nonNumericWeight(variable: name, type: found.type) }
            weight = found
        }

        let selection = try RowSelection(
            outcome: outcome, regressors: formula.regressorVariables.map { regressors[$0]! },
            required: required, weight: weight, rowCount: data.rowCount)
        let rows = selection.rows

        var encoded: [EncodedFactor] = []
        var slot: [Factor: Int] = [:]
        for factor in formula.terms.flatMap(\.factors) where slot[factor] == nil {
            slot[factor] = encoded.count
            encoded.append(
                try EncodedFactor.encode(
                    factor, column: regressors[factor.variable]!, rows: rows, referenceOverrides: options.referenceLevels))
        }
        let layout = ColumnLayout(formula: formula, encoded: encoded, slot: slot)
        return DesignMatrix(
            x: layout.fill(rowCount: rows.count, encoded: encoded),
            y: EncodedFactor.numericValues(outcome, rows: rows),
            columnNames: layout.names,
            formula: formula,
            rowIndices: rows,
            weights: weight.map { EncodedFactor.numericValues($0, rows: rows) },
            account: selection.account,
            termColumns: layout.termColumns)
    }

    /// Number of columns of `x`.
    public var columnCount: Int { x.columns }
    /// Number of rows used.
    public var rowCount: Int { x.rows }
}
