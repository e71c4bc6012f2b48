/// The columns of a design matrix that belong to one term (patsy's `term_name_slices`), so a
/// joint test of, say, all region dummies can find them.
public struct TermColumns: Sendable, Equatable {
    /// `Intercept` or the term in formula syntax (`C(region)`, `C(g):x`).
    public let name: String
    /// The term, or `nil` for the intercept.
    public let term: Term?
    /// Column indices in the design matrix.
    public let columns: Range<Int>
}
