import Foundation
import Reporting
import Testing

@testable import Workbench

@Suite("Session report")
struct SessionReportTests {
    /// Runs the same commands in a fresh session, then `report` to `file`; returns the file's text.
    func run(_ data: String, file: String) throws -> String {
        var session = Session()
        _ = try session.execute("use \(data)")
        _ = try session.execute("tabulate region")
        _ = try session.execute("keep if tenure > 1 & region != \"<b>\"")
        _ = try session.execute("bootstrap, reps(25) seed(8): regress sales ~ tenure")
        #expect(throws: SessionError.self) { try session.execute("keep if nonsense") }
        _ = try session.execute("help")
        let reply = try session.execute("report \(file)")
        #expect(reply.text == "Report written to \(file) (4 commands)\n")
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    @Test("HTML: commands and output escaped, footer with version, data SHA-256 and seeds; reruns are byte-identical")
    func html() throws {
        let csv = "id,region,tenure,sales\n1,<b>,10,100\n2,A&B,20,150\n3,North,30,400\n4,East,5,50\n5,North,12,210\n"
        let data = try temporaryFile(csv, suffix: ".csv")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString)").path
        let first = try run(data, file: folder + "/a/session.html")
        let second = try run(data, file: folder + "/b/session.html")
        #expect(first == second)
        #expect(first.contains("A&amp;B") && first.contains("&lt;b&gt;"))
        #expect(!first.contains("<b>") && !first.contains("A&B"))
        #expect(first.contains("region != &quot;&lt;b&gt;&quot;") || first.contains("region != \"&lt;b&gt;\""))
        #expect(first.contains("Bootstrap of regress sales ~ tenure"))
        #expect(first.contains(StudyReport.sha256Hex(Data(csv.utf8))))
        #expect(first.contains("Seeds: 8") && first.contains(StudyResult.toolVersion))
        #expect(!first.contains("keep if nonsense") && !first.contains("<h2>5."))
    }

    @Test("Markdown: fenced output, the footer and the command list; another extension is refused")
    func markdown() throws {
        let data = try temporaryFile("id,region,tenure,sales\n1,N,10,100\n2,S,20,150\n3,N,30,400\n4,E,5,50\n", suffix: ".csv")
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("report-\(UUID().uuidString).md").path
        var session = Session()
        _ = try session.execute("use \(data)")
        _ = try session.execute("summarize sales")
        _ = try session.execute("report \(file)")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.hasPrefix("# Impact Workbench session\n\n## 1. `use \(data)`\n\n```\n"))
        #expect(text.contains("## 2. `summarize sales`") && text.contains("- Seeds: none (no bootstrap)"))
        #expect(SessionReportDocument.fenced("a ``` b") == "````\na ``` b\n````\n")
        #expect(throws: SessionAnalysisError.reportFormat(file: "x.pdf")) { try session.execute("report x.pdf") }
    }

    @Test("a script whose last line is report writes a byte-identical file on a rerun; plots are inline SVG")
    func scriptReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("script-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let data = try temporaryFile(try bootstrapFixture().csvText(), suffix: ".csv")
        let script = folder + "/analysis.impact"
        try """
        use \(data)
        keep if !(group == "z") & x >= 0
        bootstrap, reps(30) seed(5) cluster(team) type(percentile bca): \\
          regress y ~ x
        roi x, value(2) population(10) costs(1000) hurdle(10)
        plot y x saving \(folder)/yx.svg
        report \(folder)/out/analysis.html
        """.write(toFile: script, atomically: true, encoding: .utf8)
        var texts: [String] = []
        for _ in 0..<2 {
            var session = Session()
            var printed = ""
            try ScriptRunner.run(path: script, in: &session, output: { printed += $0 })
            #expect(printed.hasSuffix("Report written to \(folder)/out/analysis.html (5 commands)\n"))
            texts.append(try String(contentsOfFile: folder + "/out/analysis.html", encoding: .utf8))
        }
        #expect(texts[0] == texts[1])
        #expect(texts[0].contains("<figure><svg") && texts[0].contains("ROI of x") && texts[0].contains("Seeds: 5"))
        #expect(texts[0].contains("keep if !(group == &quot;z&quot;) &amp; x &gt;= 0"))
    }
}
