/// One key of a multi-column sort: a column and a direction.
///
/// Missing values sort last in both directions (pandas `na_position="last"`, R `order`'s
/// default `na.last = TRUE`). Values compare as `Column.groupCodes()` orders them: numerically,
/// `false` before `true`, chronologically, and categorical levels byte-wise.
public struct SortKey: Sendable, Equatable {
    /// Column name.
    public let column: String
    /// `true` for smallest first.
    public let ascending: Bool

    /// A key on `column`, ascending unless told otherwise.
    public init(_ column: String, ascending: Bool = true) {
        self.column = column
        self.ascending = ascending
    }

    /// Smallest first.
    public static func ascending(_ column: String) -> SortKey { SortKey(column, ascending: true) }
    /// Largest first.
    public static func descending(_ column: String) -> SortKey { SortKey(column, ascending: false) }
}
