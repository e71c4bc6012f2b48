/// How levels of numeric columns are written in reference arguments and column names.
enum LevelText {
    /// Shortest round-trip text of a double, with an integral value written without `.0`
    /// (`3`, `2.5`, `1e-07`), the same rule as `Column.text(at:)` so names match displayed data.
    static func of(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    /// A number token normalized through `of(_:)`: `ref = 3.0` matches the level printed `3`.
    static func number(_ token: String) -> String {
        guard let value = Double(token), value.isFinite else { return token }
        return of(value)
    }
}
