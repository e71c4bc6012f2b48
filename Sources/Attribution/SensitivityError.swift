/// Problems in a sensitivity analysis of the ROI (breakdown M̄, tornado, principle adjustments),
/// each with what is wrong and what to do.
public enum SensitivityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Benefits do not depend on the effect (value per unit, population or horizon weight is 0), so
    /// the ROI has no breakdown in the effect.
    case roiIndependentOfEffect
    /// The robust confidence set at `M̄` accepts no point of the θ grid.
    case emptyRobustSet(mbar: Double)
    /// An `M̄` that is negative or not finite.
    case invalidMbar(Double)
    /// A tornado range with a non-finite end or `low > high`.
    case invalidRange(assumption: String, low: Double, high: Double)
    /// A tornado range for a cost item the ledger does not list.
    case unknownCostItem(name: String, known: [String])
    /// The same assumption given twice in one tornado.
    case duplicateAssumption(name: String)
    /// A tornado with no assumption.
    case noAssumptions

    public var description: String {
        switch self {
        case .roiIndependentOfEffect:
            return "The benefits do not change with the effect (value per unit, benefiting population or horizon is zero), "
                + "so no effect size makes the ROI break even. Check the conversion value and the population."
        case .emptyRobustSet(let mbar):
            return "The robust confidence set at M̄ = \(mbar) contains no point of the θ grid. "
                + "Widen the grid (HonestDiDOptions gridLower/gridUpper) so it covers the estimate."
        case .invalidMbar(let mbar):
            return "M̄ = \(mbar) is not a valid relative magnitude; give finite values ≥ 0 (e.g. 0, 0.5, 1, 1.5, 2)."
        case .invalidRange(let name, let low, let high):
            return "The range of '\(name)' is [\(low), \(high)]; give finite ends with low ≤ high."
        case .unknownCostItem(let name, let known):
            return "The cost ledger has no item '\(name)' (it has: \(known.joined(separator: ", "))). "
                + "Name a ledger item exactly as entered."
        case .duplicateAssumption(let name):
            return "The assumption '\(name)' is given twice; give each assumption one range."
        case .noAssumptions:
            return "The tornado has no assumption ranges; give at least one (value per unit, population share, horizon, "
                + "decay, discount rate, a cost item, or the effect's interval)."
        }
    }
}
