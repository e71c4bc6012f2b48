import Distributions
import Inference

/// Participant estimates behind the common isolation interface.
extension ParticipantEstimate: IsolationMethod {
    public var label: String {
        "participant estimates (improvement × share × confidence; \(respondentCount) of \(participantCount) responded)"
    }

    public var providesReplicates: Bool { true }

    /// The effect with its analytic normal interval or, with `bootstrap`, the pairs bootstrap over
    /// respondents (see the type's documentation).
    public func isolate(bootstrap: IsolationBootstrap?) throws -> IsolationEstimate {
        let claims = respondentClaims
        let r = Double(claims.count)
        let n = Double(participantCount)
        var notes: [String] = []
        if !excludedRows.isEmpty {
            notes.append(
                "Extreme claims excluded (|improvement| > \(extremeMultiple) × median \(medianImprovement)): rows "
                    + excludedRows.map(String.init).joined(separator: ", ") + ".")
        }
        guard let bootstrap else {
            let mean = claims.reduce(0, +) / r
            let variance = claims.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (r - 1)
            let se = r / n * (variance / r).squareRoot()
            let level = 0.95
            let z = Normal().quantile(1 - (1 - level) / 2)
            return IsolationEstimate(
                method: label, kpi: kpi, effect: effect, standardError: se, lower: effect - z * se, upper: effect + z * se,
                level: level, inference: "normal interval over \(claims.count) respondents", notes: notes)
        }
        let replicates = Bootstrap.run(
            plan: .pairs(rows: claims.count), replicates: bootstrap.replicates, seed: bootstrap.seed,
            threads: bootstrap.threads
        ) { f in
            var total = 0.0
            for k in claims.indices { total += f[k] * claims[k] }
            return [total / n]
        }
        return try IsolationEstimate.fromReplicates(
            method: label, kpi: kpi, effect: effect, replicates: replicates, level: bootstrap.level, notes: notes)
    }
}
