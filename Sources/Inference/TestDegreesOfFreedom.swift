/// Which degrees of freedom a t test of a coefficient or linear combination uses.
public enum TestDegreesOfFreedom: Sendable, Equatable, CustomStringConvertible {
    /// The covariance's own df: N − K (classical, HC), G − 1 (one-way clusters), min G − 1 (multi-way).
    case covariance
    /// Satterthwaite's approximation for a one-way CR2 covariance (Bell & McCaffrey 2002;
    /// Pustejovsky & Tipton 2018), one df per contrast; R `clubSandwich` `test = "Satterthwaite"`.
    case satterthwaite

    /// `covariance` or `Satterthwaite (CR2)`, as stated next to a test.
    public var description: String {
        switch self {
        case .covariance: return "covariance"
        case .satterthwaite: return "Satterthwaite (CR2)"
        }
    }
}
