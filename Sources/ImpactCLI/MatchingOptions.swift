import ArgumentParser
import Estimators

/// Nearest-neighbour matching options shared by `impact compare` and `impact balance`.
struct MatchingOptions: ParsableArguments {
    @Flag(name: .long, help: "Add 1:k nearest-neighbour matching on the propensity score (ATT).")
    var match = false

    @Option(name: .long, help: "Controls per treated unit (k) when matching.")
    var ratio: Int = 1

    @Option(name: .long, help: "Caliper in standard deviations of the distance; treated units without a control inside it are dropped and counted.")
    var caliper: Double?

    @Flag(name: .long, help: "Match with replacement (a control may serve several treated units).")
    var replacement = false

    @Flag(name: .long, help: "Match on the logit of the propensity score instead of the score.")
    var logitDistance = false

    func validate() throws {
        guard ratio >= 1 else { throw ValidationError("--ratio must be at least 1.") }
        if let caliper { guard caliper > 0 else { throw ValidationError("--caliper must be positive, e.g. 0.2.") } }
        guard match || (ratio == 1 && caliper == nil && !replacement && !logitDistance) else {
            throw ValidationError("--ratio, --caliper, --replacement and --logit-distance go with --match.")
        }
    }

    /// The specification, when matching was asked for.
    var specification: NearestNeighbourMatchingSpecification? {
        guard match else { return nil }
        return NearestNeighbourMatchingSpecification(
            ratio: ratio, replacement: replacement, caliper: caliper,
            distance: logitDistance ? .linearPropensityScore : .propensityScore)
    }
}
