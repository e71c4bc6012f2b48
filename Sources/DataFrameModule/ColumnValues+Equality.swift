extension ColumnValues {
    /// Missing-aware equality: same case, same length, same missing rows, and equal values at
    /// every non-missing row; categorical columns need the same levels and codes.
    ///
    /// The placeholders stored under missing entries are ignored: they are not data, and the
    /// double placeholder NaN is unequal to itself, which would make any frame with a missing
    /// double unequal to itself under the synthesized `==`.
    public static func == (a: ColumnValues, b: ColumnValues) -> Bool {
        switch (a, b) {
        case (.integer(let x, let mx), .integer(let y, let my)): return equal(x, mx, y, my)
        case (.double(let x, let mx), .double(let y, let my)): return equal(x, mx, y, my)
        case (.bool(let x, let mx), .bool(let y, let my)): return equal(x, mx, y, my)
        case (.date(let x, let mx), .date(let y, let my)): return equal(x, mx, y, my)
        case (.categorical(let cx, let lx), .categorical(let cy, let ly)): return cx == cy && lx == ly
        default: return false
        }
    }

    private static func equal<T: Equatable>(_ x: [T], _ mx: [Bool], _ y: [T], _ my: [Bool]) -> Bool {
        guard x.count == y.count, mx == my else { return false }
        for i in x.indices where !mx[i] && x[i] != y[i] { return false }
        return true
    }
}
