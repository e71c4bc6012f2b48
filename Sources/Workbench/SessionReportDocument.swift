import Foundation
import Reporting

/// The session so far as a self-contained document: each command as written with its output, plots
/// inline, and a reproducibility footer.
///
/// HTML: output text in `<pre>`, a plot's SVG inline, a print-friendly inline stylesheet, no
/// external assets; every command and output string is escaped (`HTMLEscaping`). Markdown: each
/// command as a heading-free code line and its output in a fenced block (fences longer than any
/// backtick run inside). The footer gives the tool version, each dataset file with its SHA-256
/// (`StudyReport.sha256Hex`), the bootstrap seeds and the command list. Nothing depends on the
/// date or the machine, so rerunning the same commands writes a byte-identical file.
public struct SessionReportDocument: Sendable {
    /// The commands and their replies, in order.
    public let entries: [SessionRecord.Entry]
    /// Dataset files loaded, in order.
    public let datasets: [String]
    /// Bootstrap seeds, in order.
    public let seeds: [UInt64]

    /// A document of a session's record.
    public init(record: SessionRecord) {
        entries = record.transcript
        datasets = record.datasets
        seeds = record.seeds
    }

    /// Each dataset with its SHA-256, or a note when the file can no longer be read.
    var datasetLines: [String] {
        datasets.map { path in
            let digest = FileManager.default.contents(atPath: path).map(StudyReport.sha256Hex) ?? "file not readable"
            return "\(path) (SHA-256 \(digest))"
        }
    }

    /// The footer's lines, as plain text.
    var footer: [String] {
        var lines = ["Tool: \(StudyResult.toolVersion)"]
        lines += datasetLines.map { "Data: \($0)" }
        if datasets.isEmpty { lines.append("Data: none loaded") }
        lines.append("Seeds: " + (seeds.isEmpty ? "none (no bootstrap)" : seeds.map(String.init).joined(separator: ", ")))
        return lines
    }

    /// The HTML document.
    public var html: String {
        let e = HTMLEscaping.escape
        var body = ""
        for (k, entry) in entries.enumerated() {
            body += "<section>\n<h2>\(k + 1). <code>\(e(entry.command))</code></h2>\n"
            if !entry.reply.isEmpty { body += "<pre>\(e(entry.reply))</pre>\n" }
            if let svg = entry.svg { body += "<figure>\(Self.inlineSVG(svg))</figure>\n" }
            body += "</section>\n"
        }
        if entries.isEmpty { body += "<p>No command has run yet.</p>\n" }
        let footer = footer.map { "<li>\(e($0))</li>" }.joined(separator: "\n")
        let commands = entries.map { e($0.command) }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>Impact Workbench session</title>
            <style>
            body { font-family: system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #222; }
            h2 { font-size: 1rem; margin-top: 1.5rem; }
            pre { background: #f6f6f6; padding: 0.75rem; overflow-x: auto; font-size: 0.85rem; white-space: pre; }
            figure { margin: 0.5rem 0; }
            figure svg { max-width: 100%; height: auto; }
            footer { border-top: 1px solid #ccc; margin-top: 2rem; font-size: 0.85rem; }
            @media print { pre { white-space: pre-wrap; } section { break-inside: avoid; } }
            </style>
            </head>
            <body>
            <h1>Impact Workbench session</h1>
            \(body)<footer>
            <h2>Reproducibility</h2>
            <ul>
            \(footer)
            </ul>
            <p>Commands, in order:</p>
            <pre>\(commands)</pre>
            </footer>
            </body>
            </html>

            """
    }

    /// The Markdown document.
    public var markdown: String {
        var text = "# Impact Workbench session\n\n"
        for (k, entry) in entries.enumerated() {
            text += "## \(k + 1). `\(entry.command.replacingOccurrences(of: "`", with: "'"))`\n\n"
            if !entry.reply.isEmpty { text += Self.fenced(entry.reply) + "\n" }
            if entry.svg != nil { text += "(plot: see the command's SVG file)\n\n" }
        }
        text += "## Reproducibility\n\n" + footer.map { "- \($0)\n" }.joined()
        text += "\nCommands, in order:\n\n" + Self.fenced(entries.map(\.command).joined(separator: "\n") + "\n")
        return text
    }

    /// `text` in a fenced code block whose fence is longer than any backtick run inside it.
    static func fenced(_ text: String) -> String {
        var longest = 0
        var run = 0
        for c in text {
            run = c == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        return fence + "\n" + text + (text.hasSuffix("\n") ? "" : "\n") + fence + "\n"
    }

    /// An SVG document ready to sit inside HTML: without an XML declaration or doctype.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
