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
    /// Absorbed fixed effects (`| unit + month`), in formula order, coded over the rows used;
    /// empty without `|`. When present, `x` has no intercept column: the effects span the constant.
    public let absorbed: [FixedEffectFactor]

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
    /// Absorbed fixed effects (`y ~ x | unit + month`) become `absorbed`: rows with a missing id
    /// are dropped (`missingFixedEffect`), then, if `options.dropSingletons`, rows alone in their
    /// level of some effect, iterated to a fixed point (`singletonFixedEffect`; see
    /// `SingletonFilter`). The intercept is absorbed, so `x` has no intercept column.
    ///
    /// Cost: one pass per column to select rows, one per factor to encode, one per output column
    /// to fill a preallocated column-major buffer.
    ///
    /// - Throws: `ModelSpecError` — unknown columns, a non-numeric outcome or weight, negative
    ///   weights, no rows left, a bad reference, a one-level factor.
    public static func build(
        _ formula: Formula, data: DataFrame, options: DesignOptions = .init()
    ) throws(ModelSpecError) -> DesignMatrix {
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

        var effects: [Column] = []
        for name in formula.absorbed { effects.append(try column(name)) }

        let selection = try RowSelection(
            outcome: outcome, regressors: formula.regressorVariables.map { regressors[$0]! },
            fixedEffects: effects, required: required, weight: weight, rowCount: data.rowCount)
        var rows = selection.rows
        var account = selection.account
        var absorbed = effects.map { FixedEffectFactor.encode($0, rows: rows) }
        if options.dropSingletons, !absorbed.isEmpty {
            let (keep, dropped) = SingletonFilter.find(absorbed, rowCount: rows.count)
            if dropped.contains(where: { $0 > 0 }) {
                for (factor, count) in zip(absorbed, dropped) where count > 0 {
                    account = account.dropping(count, for: .singletonFixedEffect(variable: factor.name))
                }
                guard account.usedRows > 0 else { throw .noObservations(account: account) }
                rows = zip(rows, keep).compactMap { $1 ? $0 : nil }
                absorbed = absorbed.map { $0.keeping(keep) }
            }
        }

        var encoded: [EncodedFactor] = []
        var slot: [Factor: Int] = [:]
        for factor in formula.terms.flatMap(\.factors) where slot[factor] == nil {
            slot[factor] = encoded.count
            encoded.append(
                try EncodedFactor.encode(
                    factor, column: regressors[factor.variable]!, rows: rows, referenceOverrides: options.referenceLevels))
        }
        let layout = ColumnLayout(formula: formula, encoded: encoded, slot: slot, absorbsConstant: !absorbed.isEmpty)
        return DesignMatrix(
            x: layout.fill(rowCount: rows.count, encoded: encoded),
            y: EncodedFactor.numericValues(outcome, rows: rows),
            columnNames: layout.names,
            formula: formula,
            rowIndices: rows,
            weights: weight.map { EncodedFactor.numericValues($0, rows: rows) },
            account: account,
            termColumns: layout.termColumns,
            absorbed: absorbed)
    }

    /// Number of columns of `x`.
    public var columnCount: Int { x.columns }
    /// Number of rows used.
    public var rowCount: Int { x.rows }
}
