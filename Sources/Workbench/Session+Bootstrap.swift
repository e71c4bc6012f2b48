import Foundation

extension Session {
    /// `bootstrap, reps(B) seed(N) [cluster(C)] [strata(S)] [level(95)] [type(…)] : regress MODEL`:
    /// bootstraps the regression on the current dataset (`RegressionBootstrap`) and keeps the result
    /// as the session's last estimate, which `roi` carries to money.
    mutating func bootstrap(_ rest: String) throws -> String {
        let frame = try requireFrame("bootstrap")
        let specification = try RegressionBootstrap.parse(rest)
        let result = try specification.run(on: frame, progress: record.progress)
        record.lastEstimate = result
        record.seeds.append(specification.seed)
        return result.summary()
    }

    /// Adds a command that succeeded to the transcript `report` writes, with the SVG a `plot`
    /// wrote, and notes a newly loaded dataset. `help`, `report` and `quit` are not part of the
    /// analysis and are left out, as are blank lines and comments.
    mutating func remember(_ line: String, _ reply: SessionReply) {
        let command = line.trimmingCharacters(in: .whitespaces)
        let word = String(command.prefix { !$0.isWhitespace })
        guard !command.isEmpty, !command.hasPrefix("#") else { return }
        guard !["help", "report", "quit", "exit"].contains(word) else { return }
        if let source, !record.datasets.contains(source) { record.datasets.append(source) }
        var svg: String?
        let marker = "Plot written to "
        if word == "plot", reply.text.hasPrefix(marker) {
            let path = reply.text.dropFirst(marker.count).prefix { $0 != " " && $0 != "\n" }
            svg = try? String(contentsOfFile: String(path), encoding: .utf8)
        }
        record.transcript.append(SessionRecord.Entry(command: command, reply: reply.text, svg: svg))
    }
}
