import Inference
import Reporting

extension RegressionBootstrapResult {
    /// The text `bootstrap` prints: the run's provenance (command, scheme, seed, replicates used and
    /// failed with their reasons, observations, covariance), then one row per coefficient with its
    /// estimate, bootstrap SE and intervals, then notes on intervals that could not be formed.
    ///
    /// Numbers are formatted locale-independently (`NumberText`), so the same replicates always
    /// print the same text.
    public func summary() -> String {
        let spec = specification
        var lines = ["Bootstrap of regress \(spec.formula)"]
        lines.append("Scheme: \(scheme); seed \(spec.seed)")
        lines.append("Replicates: \(spec.replicates) requested, \(used) used, \(failed) failed")
        for reason in failureReasons { lines.append("  \(reason.count) × \(reason.reason)") }
        lines.append("Observations: \(observations)")
        lines.append("Covariance of each fit: \(covarianceLabel)")
        lines.append("")
        let level = NumberText.level(spec.level)
        var header = ["Coefficient", "Estimate", "Boot SE"]
        header += spec.methods.map { "\($0.label) \(level) CI" }
        var rows: [[String]] = []
        var notes: [String] = []
        var extremes = false
        for coefficient in coefficients {
            var row = [coefficient.name, Self.number(coefficient.estimate), Self.number(coefficient.bootstrapStandardError)]
            for item in coefficient.intervals {
                guard let interval = item.interval else {
                    row.append("n/a")
                    notes.append("\(item.method.label) for \(coefficient.name): \(item.problem ?? "undefined")")
                    continue
                }
                extremes = extremes || interval.usesExtremes
                let mark = interval.usesExtremes ? "*" : ""
                row.append("[\(Self.number(interval.lower)), \(Self.number(interval.upper))]\(mark)")
            }
            rows.append(row)
        }
        lines.append(Self.aligned(header: header, rows: rows))
        if let jackknifeLabel {
            lines.append("BCa: bias correction from the replicates, acceleration from \(jackknifeLabel).")
        }
        if spec.methods.contains(.studentized) {
            lines.append("Studentized: each replicate's own \(covarianceLabel) standard error.")
        }
        if extremes { lines.append("* an endpoint is an extreme order statistic: too few replicates for this level.") }
        lines += notes
        return lines.joined(separator: "\n") + "\n"
    }

    /// A coefficient or interval end with six significant digits.
    static func number(_ x: Double) -> String { NumberText.statistic(x, significant: 6) }

    /// Columns padded to their widest cell: the first left-aligned, the others right-aligned.
    static func aligned(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { j in all.map { $0[j].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { j, cell in
                let fill = String(repeating: " ", count: widths[j] - cell.count)
                return j == 0 ? cell + fill : fill + cell
            }
            var text = padded.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            return text
        }
        return ([line(header), line(widths.map { String(repeating: "-", count: $0) })] + rows.map(line))
            .joined(separator: "\n")
    }
}
