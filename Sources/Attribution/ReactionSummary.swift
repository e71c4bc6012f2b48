/// Level 1 (reaction): the mean rating and the share of favourable ratings.
///
/// mean = Σ xᵢ / n over non-missing ratings; share favourable = #{xᵢ ≥ threshold} / n (e.g. 4 or
/// 5 on a 1–5 scale, the common Phillips convention of "top-two-box"). Missing ratings (NaN) are
/// left out and counted in `missing`.
public struct ReactionSummary: Sendable, Equatable, Codable {
    public let respondents: Int
    public let missing: Int
    public let mean: Double
    public let shareFavourable: Double
    public let scale: ClosedRange<Double>
    public let favourableThreshold: Double

    /// The summary of `ratings` on `scale`, favourable from `favourableThreshold` up.
    /// - Throws: `ImpactLevelError.invalidScale`, `.outsideScale` (1-based row), `.tooFewObservations`.
    public init(ratings: [Double], scale: ClosedRange<Double> = 1...5, favourableThreshold: Double = 4) throws {
        guard scale.lowerBound < scale.upperBound, scale.contains(favourableThreshold) else {
            throw ImpactLevelError.invalidScale(lower: scale.lowerBound, upper: scale.upperBound, threshold: favourableThreshold)
        }
        var usable: [Double] = []
        for (index, rating) in ratings.enumerated() where !rating.isNaN {
            guard scale.contains(rating) else {
                throw ImpactLevelError.outsideScale(
                    measure: "reaction", row: index + 1, value: rating, lower: scale.lowerBound, upper: scale.upperBound)
            }
            usable.append(rating)
        }
        guard !usable.isEmpty else { throw ImpactLevelError.tooFewObservations(measure: "reaction", count: 0, minimum: 1) }
        respondents = usable.count
        missing = ratings.count - usable.count
        mean = usable.reduce(0, +) / Double(usable.count)
        shareFavourable = Double(usable.filter { $0 >= favourableThreshold }.count) / Double(usable.count)
        self.scale = scale
        self.favourableThreshold = favourableThreshold
    }
}
