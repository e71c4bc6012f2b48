import LinearAlgebra

/// The columns of a design: for each, the factor values to multiply and its name.
struct ColumnLayout {
    /// One factor's contribution to a column: its numbers, or the indicator of one level.
    enum Part {
        case numeric(slot: Int)
        case indicator(slot: Int, level: Int32)
    }

    /// Parts multiplied together; empty for the intercept (a column of ones).
    private(set) var recipes: [[Part]] = []
    private(set) var names: [String] = []
    private(set) var termColumns: [TermColumns] = []

    /// The layout of `formula`'s columns.
    ///
    /// With `absorbsConstant` (absorbed fixed effects span the constant) no intercept column is
    /// written, but terms are coded as if there were one, so a categorical main effect still drops
    /// its reference level instead of duplicating the fixed effects (fixest removes the intercept
    /// of a model with fixed effects in the same way).
    init(formula: Formula, encoded: [EncodedFactor], slot: [Factor: Int], absorbsConstant: Bool = false) {
        if formula.hasIntercept && !absorbsConstant {
            recipes.append([])
            names.append("Intercept")
            termColumns.append(TermColumns(name: "Intercept", term: nil, columns: 0..<1))
        }
        let blocks = TermCoding.subterms(
            for: formula.terms, hasIntercept: formula.hasIntercept || absorbsConstant,
            isCategorical: { encoded[slot[$0]!].isCategorical })
        for (term, termBlocks) in zip(formula.terms, blocks) {
            let start = recipes.count
            for block in termBlocks { appendColumns(term: term, block: block, encoded: encoded, slot: slot) }
            termColumns.append(TermColumns(name: term.description, term: term, columns: start..<recipes.count))
        }
    }

    /// Columns of one block: every combination of the factors' columns, leftmost factor fastest
    /// (R and patsy, patsy/build.py `_column_combinations`).
    private mutating func appendColumns(term: Term, block: TermCoding.Subterm, encoded: [EncodedFactor], slot: [Factor: Int]) {
        // For each factor of the block, in term order: its (part, name) choices.
        var choices: [[(Part, String)]] = []
        for factor in term.factors {
            let s = slot[factor]!
            switch encoded[s].values {
            case .numeric:
                choices.append([(.numeric(slot: s), factor.variable)])
            case .categorical(_, let levels, let reference):
                guard let full = block[factor] else { continue }
                let label = factor.columnLabel
                // patsy's Treatment suffixes: "[T.level]" for a contrast, "[level]" for a full set.
                choices.append(
                    levels.indices.filter { full || $0 != reference }.map { k in
                        (.indicator(slot: s, level: Int32(k)), full ? "\(label)[\(levels[k])]" : "\(label)[T.\(levels[k])]")
                    })
            }
        }
        var counter = [Int](repeating: 0, count: choices.count)
        let total = choices.reduce(1) { $0 * $1.count }
        for _ in 0..<total {
            let picked = zip(choices, counter).map { $0[$1] }
            recipes.append(picked.map(\.0))
            names.append(picked.map(\.1).joined(separator: ":"))
            // Odometer with the leftmost digit turning fastest.
            for d in counter.indices {
                counter[d] += 1
                if counter[d] < choices[d].count { break }
                counter[d] = 0
            }
        }
    }

    /// The `n × k` column-major matrix, each column written in one pass over a preallocated buffer.
    func fill(rowCount n: Int, encoded: [EncodedFactor]) -> Matrix {
        var elements = [Double](repeating: 0, count: n * recipes.count)
        elements.withUnsafeMutableBufferPointer { buffer in
            for (j, parts) in recipes.enumerated() {
                let column = UnsafeMutableBufferPointer(rebasing: buffer[(j * n)..<((j + 1) * n)])
                column.update(repeating: 1)
                for part in parts { Self.multiply(column, by: part, encoded: encoded) }
            }
        }
        return Matrix(rows: n, columns: recipes.count, columnMajor: elements)
    }

    private static func multiply(_ column: UnsafeMutableBufferPointer<Double>, by part: Part, encoded: [EncodedFactor]) {
        switch part {
        case .numeric(let s):
            guard case .numeric(let values) = encoded[s].values else { preconditionFailure("slot \(s) is not numeric") }
            values.withUnsafeBufferPointer { v in
                for i in column.indices { column[i] *= v[i] }
            }
        case .indicator(let s, let level):
            guard case .categorical(let codes, _, _) = encoded[s].values else { preconditionFailure("slot \(s) is not categorical") }
            codes.withUnsafeBufferPointer { c in
                for i in column.indices where c[i] != level { column[i] = 0 }
            }
        }
    }
}
