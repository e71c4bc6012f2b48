extension Column {
    /// The rows at `rows`, in that order; an index may repeat (as in a bootstrap resample).
    /// Categorical levels are kept even if no selected row uses them, as R factors and pandas
    /// categoricals do, so codes stay comparable across subsets. Traps on an index out of range.
    public func taking(rows: [Int]) -> Column {
        let n = count
        for r in rows { precondition(r >= 0 && r < n, "row \(r) out of range 0..<\(n) in column '\(name)'") }
        func gather<T>(_ v: [T]) -> [T] { rows.map { v[$0] } }
        switch values {
        case .integer(let v, let m): return Column(name: name, values: .integer(gather(v), missing: gather(m)))
        case .double(let v, let m): return Column(name: name, values: .double(gather(v), missing: gather(m)))
        case .bool(let v, let m): return Column(name: name, values: .bool(gather(v), missing: gather(m)))
        case .date(let v, let m): return Column(name: name, values: .date(daysSinceEpoch: gather(v), missing: gather(m)))
        case .categorical(let codes, let levels):
            return Column(name: name, values: .categorical(codes: gather(codes), levels: levels))
        }
    }

    /// The same values under another name.
    public func renamed(_ newName: String) -> Column {
        Column(name: newName, values: values)
    }
}
