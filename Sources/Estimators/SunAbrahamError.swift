/// Problems with the data of a Sun & Abraham event study, each with advice on what to do.
///
/// Non-integer periods and cohorts that vary within a unit are reported as `EventStudyError`,
/// as for the TWFE event study.
public enum SunAbrahamError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No cohort is treated inside the panel (every unit is never treated or always treated).
    case noTreatedCohort(cohort: String, alwaysTreatedCohorts: [Int])
    /// No never-treated unit and a single treated cohort: nothing can serve as the control cohort.
    case noControlCohort(cohort: Int)
    /// These cohorts have no observation at the reference period, so their cells are not
    /// identified relative to it.
    case referencePeriodMissing(referencePeriod: Int, cohorts: [Int])
    /// Every treated row in the sample lies at the reference period: there is no effect to estimate.
    case noEffectCells(referencePeriod: Int)
    /// The fixed effects make these cohort × relative-period cells collinear.
    case cellsNotIdentified(cells: [SunAbrahamCell])

    /// What is wrong and what to do.
    public var description: String {
        switch self {
        case .noTreatedCohort(let cohort, let always):
            let alwaysText =
                always.isEmpty
                ? ""
                : " Cohorts \(always.map(String.init).joined(separator: ", ")) are treated from the first period "
                    + "on (always treated) and were left out."
            return
                "No cohort in '\(cohort)' is first treated inside the panel, so there is no effect to estimate."
                + alwaysText + " Check the cohort column and the never-treated coding."
        case .noControlCohort(let cohort):
            return
                "Every unit is treated, all in period \(cohort): there is neither a never-treated cohort nor a "
                + "later-treated cohort to serve as the control. Add never-treated units or a later cohort."
        case .referencePeriodMissing(let ref, let cohorts):
            return
                "Cohorts \(cohorts.map(String.init).joined(separator: ", ")) have no observation at relative period "
                + "\(ref), the reference period, so their effects cannot be normalised to it. Choose another "
                + "reference period (e.g. −2) or drop these cohorts."
        case .noEffectCells(let ref):
            return
                "Every treated observation in the sample is at relative period \(ref), the reference period, so no "
                + "cohort effect can be estimated. Widen the window or check the time and cohort columns."
        case .cellsNotIdentified(let cells):
            return
                "The cohort × relative-period cells \(cells.map(\.description).joined(separator: ", ")) are collinear "
                + "with the unit and period effects and cannot be estimated. Narrow or bin the window, or check that "
                + "the control cohort is observed in those periods."
        }
    }
}

/// One cohort × relative-period cell of a Sun & Abraham regression.
public struct SunAbrahamCell: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The cohort g (first treated period).
    public let cohort: Int
    /// The (binned) relative period k = t − g.
    public let eventTime: Int

    /// A cell.
    public init(cohort: Int, eventTime: Int) {
        self.cohort = cohort
        self.eventTime = eventTime
    }

    /// Ordered by cohort, then relative period.
    public static func < (a: SunAbrahamCell, b: SunAbrahamCell) -> Bool {
        (a.cohort, a.eventTime) < (b.cohort, b.eventTime)
    }

    /// `(g = 5, k = −2)`.
    public var description: String { "(g = \(cohort), k = \(eventTime))" }
}
