import Foundation

extension Session {
    /// `report FILE.html` or `report FILE.md`: writes the session so far (`SessionReportDocument`),
    /// creating the file's folder if needed.
    /// - Throws: `SessionError.usage`, `SessionAnalysisError.reportFormat`, `SessionError.commandFailed`
    ///   when the file cannot be written.
    func report(_ rest: String) throws -> String {
        let words = try SessionTokenizer.words(rest)
        guard words.count == 1 else {
            throw SessionError.usage(command: "report", problem: "give one file name", usage: "report FILE.html | FILE.md")
        }
        let path = words[0]
        let document = SessionReportDocument(record: record)
        let text: String
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": text = document.html
        case "md", "markdown": text = document.markdown
        default: throw SessionAnalysisError.reportFormat(file: path)
        }
        do {
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw SessionError.commandFailed(command: "report", message: "Cannot write '\(path)': \(error.localizedDescription)")
        }
        let count = record.transcript.count
        return "Report written to \(path) (\(count) command\(count == 1 ? "" : "s"))"
    }
}

extension Session {
    /// Loads `path` as `use` does and records it in the transcript as `use PATH`, for a host that
    /// loads a file named on its own command line (`impact repl DATA`), so a report lists it.
    public mutating func useRecorded(path: String) throws -> SessionReply {
        let reply = try use(path: path)
        remember("use \(path)", reply)
        return reply
    }
}
