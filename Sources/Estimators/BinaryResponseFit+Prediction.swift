import DataFrameModule
import LinearAlgebra
import ModelSpec

extension BinaryResponseFit {
    /// `F(xᵢᵀb)` for the rows of a matrix with the fit's design columns (`columnNames`, in order);
    /// dropped (collinear) columns are ignored, as R's `predict.glm` ignores aliased coefficients.
    public func predictedProbabilities(design x: Matrix) -> [Double] {
        precondition(x.columns == columnNames.count, "The matrix needs the fit's \(columnNames.count) columns")
        var eta = [Double](repeating: 0, count: x.rows)
        for j in keptColumns {
            let b = coefficients[j]
            for i in 0..<x.rows { eta[i] += x[i, j] * b }
        }
        return eta.map(link.probability)
    }

    /// Predicted probabilities `F(xᵀb)` for the rows of new data, encoded exactly as the fitted
    /// rows were (statsmodels `results.predict(new_frame)`, R `predict(fit, newdata, type = "response")`).
    ///
    /// The new rows are encoded together with one fitted row per level of every categorical
    /// variable, with the fit's reference levels, so a single new row, or rows lacking some levels,
    /// get the fitted dummies. The outcome and weight columns are not needed. Rows missing a
    /// regressor get NaN (R's `na.exclude`). Numeric columns may switch between integer and double.
    ///
    /// - Throws: `BinaryResponseError.predictionNeedsFormulaFit` for a fit from a design matrix;
    ///   `.unseenLevels` when new data hold levels the fitted rows did not; `.predictionTypeMismatch`
    ///   when a column's type differs from the fitted one; `EstimationError.columnNotFound` for a
    ///   missing regressor column; `ModelSpecError` from the encoding.
    public func predictedProbabilities(data: DataFrame) throws -> [Double] {
        guard case .frame(let frame, let rows, let references) = core.data else {
            throw BinaryResponseError.predictionNeedsFormulaFit
        }
        var levelRows = Set<Int>()
        var fittedReferences = references
        for factor in formula.terms.flatMap(\.factors) {
            guard let column = frame[factor.variable],
                factor.forcedCategorical || column.type == .categorical
            else { continue }
            let codes = column.taking(rows: rows).groupCodes().codes
            var first = [Int: Int]()
            for (position, code) in codes.enumerated() where code >= 0 && first[Int(code)] == nil {
                first[Int(code)] = rows[position]
            }
            levelRows.formUnion(first.values)
            // The default reference is the first sorted level in the fitted rows (code 0); fixing it
            // keeps a level absent from the fit from becoming the reference of the combined rows.
            if factor.reference == nil, fittedReferences[factor.variable] == nil, let row = first[0] {
                fittedReferences[factor.variable] = column.text(at: row)
            }
        }
        let anchors = levelRows.sorted()
        var columns = [Column]()
        for name in formula.regressorVariables {
            guard let fitted = frame[name] else { preconditionFailure("Fitted column '\(name)' left the frame") }
            guard let new = data[name] else {
                throw EstimationError.columnNotFound(name: name, suggestion: closestName(to: name, among: data.columnNames))
            }
            columns.append(try Self.stacked(fitted.taking(rows: anchors), new))
        }
        let total = anchors.count + data.rowCount
        let zero = [Double](repeating: 0, count: total)
        columns.append(
            Column(name: formula.outcome, values: .double(zero, missing: [Bool](repeating: false, count: total))))
        let combined = try DataFrame(columns: columns)
        let design = try DesignMatrix.build(
            formula, data: combined, options: DesignOptions(referenceLevels: fittedReferences))
        let unseen = design.columnNames.filter { !columnNames.contains($0) }
        guard unseen.isEmpty else { throw BinaryResponseError.unseenLevels(columns: unseen) }
        let position = design.columnNames.map { columnNames.firstIndex(of: $0)! }
        var out = [Double](repeating: .nan, count: data.rowCount)
        for (i, source) in design.rowIndices.enumerated() where source >= anchors.count {
            var eta = 0.0
            for (j, target) in position.enumerated() where !coefficients[target].isNaN {
                eta += design.x[i, j] * coefficients[target]
            }
            out[source - anchors.count] = link.probability(eta)
        }
        return out
    }

    /// `a` above `b` as one column named like `a`: same types, integers with doubles, and
    /// categorical columns with their level tables merged (kept sorted).
    static func stacked(_ a: Column, _ b: Column) throws -> Column {
        let values: ColumnValues
        switch (a.values, b.values) {
        case (.double(let x, let m), .double(let y, let n)):
            values = .double(x + y, missing: m + n)
        case (.integer(let x, let m), .integer(let y, let n)):
            values = .integer(x + y, missing: m + n)
        case (.integer(let x, let m), .double(let y, let n)):
            values = .double(x.map(Double.init) + y, missing: m + n)
        case (.double(let x, let m), .integer(let y, let n)):
            values = .double(x + y.map(Double.init), missing: m + n)
        case (.bool(let x, let m), .bool(let y, let n)):
            values = .bool(x + y, missing: m + n)
        case (.date(let x, let m), .date(let y, let n)):
            values = .date(daysSinceEpoch: x + y, missing: m + n)
        case (.categorical(let x, let levelsA), .categorical(let y, let levelsB)):
            let levels = Array(Set(levelsA).union(levelsB)).sorted { Array($0.utf8).lexicographicallyPrecedes($1.utf8) }
            let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
            let recode = { (codes: [Int32], table: [String]) in codes.map { $0 < 0 ? -1 : index[table[Int($0)]]! } }
            values = .categorical(codes: recode(x, levelsA) + recode(y, levelsB), levels: levels)
        default:
            throw BinaryResponseError.predictionTypeMismatch(variable: a.name, fitted: "\(a.type)", new: "\(b.type)")
        }
        return Column(name: a.name, values: values)
    }
}
