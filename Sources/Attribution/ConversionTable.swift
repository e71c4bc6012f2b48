/// The monetary conversion table: for each KPI, one or more candidate values per unit, each with
/// its source and credibility.
///
/// `conversion(for:)` picks one value per KPI by the guiding principles: the most credible source
/// (principle 3, by `ConversionCredibility`; an unstated credibility ranks last), and among equally
/// credible sources the lowest value (principle 4, most conservative: a lower value per unit gives
/// lower benefits). Each choice that discarded a candidate is logged with the value before
/// (the highest candidate) and after.
public struct ConversionTable: Sendable, Equatable, Codable {
    /// Candidates by KPI name, in the order given.
    public let entries: [String: [MonetaryConversion]]

    /// A table after checking that every KPI has at least one candidate.
    /// - Throws: `AttributionError.emptyConversion(kpi:)` for a KPI with no value.
    public init(entries: [String: [MonetaryConversion]]) throws {
        for (kpi, candidates) in entries where candidates.isEmpty {
            throw AttributionError.emptyConversion(kpi: kpi)
        }
        self.entries = entries
    }

    /// The KPIs in the table, sorted.
    public var kpis: [String] { entries.keys.sorted() }

    /// The value chosen for `kpi`, with the principle applications that chose it.
    /// - Throws: `AttributionError.unknownKPI` when the table has no row for `kpi`.
    public func conversion(for kpi: String) throws -> (conversion: MonetaryConversion, log: PrinciplesLog) {
        guard let candidates = entries[kpi] else {
            throw AttributionError.unknownKPI(kpi: kpi, known: kpis)
        }
        var log = PrinciplesLog()
        // Unstated credibility ranks below every stated one: an unsourced value is the least credible.
        func rank(_ c: MonetaryConversion) -> Int { c.credibility?.rawValue ?? ConversionCredibility.allCases.count }
        let best = candidates.map(rank).min()!
        let credible = candidates.filter { rank($0) == best }
        let highestOverall = candidates.map(\.valuePerUnit).max()!
        if credible.count < candidates.count {
            let highestCredible = credible.map(\.valuePerUnit).max()!
            log.record(
                PrincipleApplication(
                    principle: .mostCredibleSources,
                    rule: "kept the \(credible.count) most credible of \(candidates.count) values "
                        + "(\(credible[0].credibility.map(String.init(describing:)) ?? "unstated credibility"))",
                    location: "conversion: \(kpi)", quantity: "value per unit (highest candidate)",
                    before: highestOverall, after: highestCredible))
        }
        let chosen = credible.min { $0.valuePerUnit < $1.valuePerUnit }!
        if credible.count > 1 {
            log.record(
                PrincipleApplication(
                    principle: .mostConservative,
                    rule: "took the lowest of \(credible.count) equally credible values",
                    location: "conversion: \(kpi)", quantity: "value per unit",
                    before: credible.map(\.valuePerUnit).max()!, after: chosen.valuePerUnit))
        }
        return (chosen, log)
    }
}
