/// Problems that stop a Goodman-Bacon decomposition, each with advice.
public enum GoodmanBaconError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Every unit follows the same treatment path (all never treated, all treated in the same
    /// period, or all always treated), so the unit and period effects absorb the treatment.
    case noTreatmentVariation

    public var description: String {
        switch self {
        case .noTreatmentVariation:
            return "Every unit has the same treatment path, so the two-way fixed effects absorb the treatment "
                + "and there is no TWFE coefficient to decompose. The data need units treated at different "
                + "times, or never-treated units."
        }
    }
}
