/// One additive term of a model formula: a main effect (one factor) or an interaction (several).
///
/// `a:b` is `Term([a, b])`. Factors keep their written order, which sets the column names
/// (`a:b` versus `b:a`); as in R and patsy a factor repeated inside a term counts once (`a:a` = `a`).
public struct Term: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The factors multiplied together, in written order, without repeats.
    public let factors: [Factor]

    /// A term from its factors; repeated factors are merged, keeping the first occurrence.
    public init(_ factors: [Factor]) {
        precondition(!factors.isEmpty, "A term needs at least one factor (the intercept is Formula.hasIntercept)")
        var seen = Set<Factor>()
        self.factors = factors.filter { seen.insert($0).inserted }
    }

    /// A main-effect term for one factor.
    public init(_ factor: Factor) { self.init([factor]) }

    /// Number of factors: 1 for a main effect, 2 or more for an interaction.
    public var degree: Int { factors.count }

    /// The term in formula syntax, factors joined by `:` (`C(g):x`).
    public var description: String { factors.map(\.description).joined(separator: ":") }

    /// The factors as a set: R and patsy treat `a:b` and `b:a` as the same term.
    var factorSet: Set<Factor> { Set(factors) }
}
