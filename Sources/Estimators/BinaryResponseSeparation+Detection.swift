import Inference
import LinearAlgebra
import ModelSpec

/// The two separation checks: one per regressor before the fit, one on the IRLS direction after it.
extension BinaryResponseSeparation {
    /// What the checks need to name a column in a message.
    struct Naming {
        /// Design column names, one per column of the checked matrix.
        let columnNames: [String]
        /// Term → columns map of the design (for the variable behind a dummy, and reference levels).
        let termColumns: [TermColumns]
        /// The outcome's name.
        let outcome: String
        /// The text of `variable` at design row `i`, when the source frame is known.
        let levelText: ((_ variable: String, _ row: Int) -> String?)?
    }

    /// The first regressor that separates the outcomes on its own, or nil.
    ///
    /// A linear-programming-free check of directions `d = e_j − t·1` (Albert & Anderson 1984,
    /// the separation direction of a single regressor): column j separates when
    /// `max{x_ij : yᵢ = 0} ≤ min{x_ij : yᵢ = 1}` (or the mirror image) — completely when strict,
    /// quasi-completely with ties at the threshold t. Moving t needs the constant in the column
    /// space; without one only `t = 0` is allowed. For a 0/1 dummy this is "every row of the level
    /// has the same outcome". The reference level of a treatment-coded factor (`d = 1 − Σ dummies`)
    /// is checked too. O(N K), one pass per column. Separation by a combination of regressors is
    /// left to `divergence`.
    static func find(x: Matrix, y: [Double], hasConstant: Bool, naming: Naming) -> BinaryResponseSeparation? {
        precondition(naming.columnNames.count == x.columns, "One name per column is required")
        for j in 0..<x.columns {
            if let found = checkColumn(j, x: x, y: y, hasConstant: hasConstant, naming: naming) { return found }
        }
        guard hasConstant else { return nil }
        for term in naming.termColumns {
            if let found = checkReferenceLevel(term, x: x, y: y, naming: naming) { return found }
        }
        return nil
    }

    /// The per-column threshold check.
    private static func checkColumn(
        _ j: Int, x: Matrix, y: [Double], hasConstant: Bool, naming: Naming
    ) -> BinaryResponseSeparation? {
        let n = x.rows
        var low = [Double.infinity, .infinity]  // min over y = 0, y = 1
        var high = [-Double.infinity, -.infinity]  // max over y = 0, y = 1
        var isDummy = true
        x.elements.withUnsafeBufferPointer { p in
            let offset = j * n
            for i in 0..<n {
                let v = p[offset + i]
                let g = y[i] == 1 ? 1 : 0
                if v < low[g] { low[g] = v }
                if v > high[g] { high[g] = v }
                if v != 0 && v != 1 { isDummy = false }
            }
        }
        guard min(low[0], low[1]) < max(high[0], high[1]) else { return nil }  // constant column
        // Side s: the rows with y = s lie at or below t, the others at or above.
        for s in 0...1 {
            let other = 1 - s
            guard high[s] <= low[other] else { continue }
            // Without a constant the threshold cannot move: t = 0 must lie between the groups.
            guard hasConstant || (high[s] <= 0 && 0 <= low[other]) else { continue }
            let strict = high[s] < low[other]
            let t = !hasConstant ? 0 : (strict ? 0.5 * (high[s] + low[other]) : high[s])
            // Rows on the threshold are not predicted; with none there, the separation is complete.
            var predicted = 0
            x.elements.withUnsafeBufferPointer { p in
                for i in 0..<n where p[j * n + i] != t { predicted += 1 }
            }
            return describeColumn(
                j, side: s, complete: predicted == n, isDummy: isDummy, bounds: (high[s], low[other]),
                threshold: t, predicted: predicted, naming: naming)
        }
        return nil
    }

    private static func describeColumn(
        _ j: Int, side s: Int, complete: Bool, isDummy: Bool, bounds: (Double, Double), threshold: Double,
        predicted: Int, naming: Naming
    ) -> BinaryResponseSeparation {
        let name = naming.columnNames[j]
        let variable = variableOf(column: j, naming: naming)
        let level = isDummy && variable != nil ? levelOf(columnName: name) : nil
        let y = "'\(naming.outcome)'"
        let pattern: String
        if isDummy {
            // high[s] ≤ low[other]: with s = 0 the y = 0 rows sit at 0 or the y = 1 rows at 1.
            let subject = level.map { "\(variable ?? name) = '\($0)'" } ?? "'\(name)' = 1"
            let rest = level.map { "\(variable ?? name) ≠ '\($0)'" } ?? "'\(name)' = 0"
            if complete {
                pattern = "every row with \(subject) has \(y) = \(1 - s) and every other row has \(y) = \(s)"
            } else if bounds.0 == 0 {
                pattern = "every row with \(subject) has \(y) = \(1 - s)"
            } else {
                pattern = "every row with \(rest) has \(y) = \(s)"
            }
        } else {
            let lower = StatisticsText.number(bounds.0)
            let upper = StatisticsText.number(bounds.1)
            let t = StatisticsText.number(threshold)
            let quoted = "'\(name)'"
            pattern =
                complete
                ? "every row with \(quoted) ≤ \(lower) has \(y) = \(s) and every row with \(quoted) ≥ \(upper) "
                    + "has \(y) = \(1 - s)"
                : "every row with \(quoted) < \(t) has \(y) = \(s) and every row with \(quoted) > \(t) "
                    + "has \(y) = \(1 - s) (only rows at \(t) are not predicted perfectly)"
        }
        return BinaryResponseSeparation(
            kind: complete ? .complete : .quasiComplete, detection: .regressorCheck, columns: [name],
            variable: variable, level: level, pattern: pattern, perfectlyPredictedRows: predicted)
    }

    /// Quasi-complete separation by the reference level of a treatment-coded single factor: the
    /// rows with every dummy of the term at 0 share one outcome (direction `1 − Σ e_j`).
    private static func checkReferenceLevel(
        _ term: TermColumns, x: Matrix, y: [Double], naming: Naming
    ) -> BinaryResponseSeparation? {
        guard let factor = term.term?.factors.first, term.term?.factors.count == 1, term.columns.count >= 2 else {
            return nil
        }
        let n = x.rows
        var rowSum = [Double](repeating: 0, count: n)
        var treatmentCoded = true
        x.elements.withUnsafeBufferPointer { p in
            for j in term.columns {
                for i in 0..<n {
                    let v = p[j * n + i]
                    if v != 0 && v != 1 { treatmentCoded = false }
                    rowSum[i] += v
                }
            }
        }
        guard treatmentCoded, rowSum.allSatisfy({ $0 <= 1 }) else { return nil }
        var count = [0, 0]
        var firstRow: Int?
        for i in 0..<n where rowSum[i] == 0 {
            count[y[i] == 1 ? 1 : 0] += 1
            if firstRow == nil { firstRow = i }
        }
        guard let row = firstRow, count[0] == 0 || count[1] == 0 else { return nil }
        let outcome = count[1] > 0 ? 1 : 0
        let level = naming.levelText?(factor.variable, row) ?? "reference level"
        let pattern =
            "every row with \(factor.variable) = '\(level)' (the reference level) has '\(naming.outcome)' = \(outcome)"
        let columns = term.columns.map { naming.columnNames[$0] }
        return BinaryResponseSeparation(
            kind: .quasiComplete, detection: .regressorCheck, columns: columns, variable: factor.variable,
            level: level, pattern: pattern, perfectlyPredictedRows: count[0] + count[1])
    }

    /// The data variable behind column j when its term has a single factor.
    private static func variableOf(column j: Int, naming: Naming) -> String? {
        guard let term = naming.termColumns.first(where: { $0.columns.contains(j) })?.term,
            term.factors.count == 1
        else { return nil }
        return term.factors[0].variable
    }

    /// `North` from `C(region)[T.North]` or `region[North]`; nil for a column without a level.
    static func levelOf(columnName name: String) -> String? {
        guard name.hasSuffix("]"), let open = name.lastIndex(of: "[") else { return nil }
        var inner = name[name.index(after: open)..<name.index(before: name.endIndex)]
        if inner.hasPrefix("T.") { inner = inner.dropFirst(2) }
        return String(inner)
    }

    /// Separation certified from the last IRLS step δ, or nil.
    ///
    /// At a finite MLE the last Newton step is negligible; under separation the iterates move by
    /// O(1) per iteration along the separating direction while the deviance converges (the rows it
    /// separates contribute ~e^{−η} to it). So when the step changes some linear predictor by more
    /// than 1e-2 and every row it moves by more than 1e-3 of the largest move goes the way of its
    /// outcome (up for y = 1, down for y = 0), `Xδ` is a numerical separating direction. Columns
    /// are named when their share `|δ_j| max|x_j|` is at least 5 % of the largest.
    static func divergence(x: Matrix, y: [Double], step: [Double], columnNames: [String], outcome: String)
        -> BinaryResponseSeparation?
    {
        precondition(step.count == x.columns && columnNames.count == x.columns, "One step per column is required")
        let move = x.times(step)
        let largest = move.reduce(0) { max($0, abs($1)) }
        guard largest > 1e-2 else { return nil }
        var moved = 0
        for i in move.indices where abs(move[i]) > 1e-3 * largest {
            guard (move[i] > 0) == (y[i] == 1) else { return nil }
            moved += 1
        }
        let n = x.rows
        let share = (0..<x.columns).map { j -> Double in
            var m = 0.0
            for i in 0..<n { m = max(m, abs(x[i, j])) }
            return abs(step[j]) * m
        }
        let top = share.max() ?? 0
        let columns = share.indices.filter { share[$0] >= 0.05 * top }.map { columnNames[$0] }
        let pattern = "the fitted probabilities go to the observed '\(outcome)' (0 or 1) as the coefficients grow"
        return BinaryResponseSeparation(
            kind: moved == n ? .complete : .quasiComplete, detection: .divergence, columns: columns,
            variable: columns.count == 1 ? columns[0] : nil, level: nil, pattern: pattern,
            perfectlyPredictedRows: moved)
    }
}
