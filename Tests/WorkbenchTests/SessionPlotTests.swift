import Foundation
#if canImport(FoundationXML)
    import FoundationXML
#endif
import Testing

@testable import Workbench

@Suite("Session plot command")
struct SessionPlotTests {
    static let sales = repositoryRoot().appendingPathComponent("datasets/sales-training/sales_training.csv").path

    static func temporaryFile(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString)-\(name)").path
    }

    /// Parses the SVG as XML, so a malformed document fails the test.
    static func wellFormed(_ path: String) throws -> Bool {
        let parser = XMLParser(data: try Data(contentsOf: URL(fileURLWithPath: path)))
        return parser.parse()
    }

    @Test("a trend plot by group writes a well-formed SVG with one line per level and counts the rows left out")
    func trendByGroup() throws {
        var session = Session()
        _ = try session.use(path: Self.sales)
        let path = Self.temporaryFile("trends.svg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reply = try session.execute("plot sales month by trained_team saving \(path)")
        #expect(reply.text.trimmingCharacters(in: .newlines) == "Plot written to \(path) (14354 rows; 46 with missing values left out)")
        #expect(try Self.wellFormed(path))
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        #expect(svg.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(svg.contains("trained_team = 0") && svg.contains("trained_team = 1"))
        #expect(svg.contains("Mean of sales by month and trained_team"))
    }

    @Test("one column gives a histogram")
    func histogram() throws {
        var session = Session()
        _ = try session.use(path: Self.sales)
        let path = Self.temporaryFile("hist.svg")
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try session.execute("plot tenure_months saving \(path)")
        #expect(try Self.wellFormed(path))
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("Distribution of tenure_months"))
    }

    @Test("a non-numeric column, a misplaced by and no dataset are clear errors")
    func errors() throws {
        var empty = Session()
        #expect(throws: SessionError.self) { try empty.execute("plot sales") }
        var session = Session()
        _ = try session.use(path: Self.sales)
        do {
            _ = try session.execute("plot region")
            Issue.record("plotting a categorical column should fail")
        } catch {
            #expect("\(error)".contains("column 'region' is categorical, not numeric"))
        }
        #expect(throws: SessionError.self) { try session.execute("plot sales by region") }
        #expect(throws: (any Error).self) { try session.execute("plot nonexistent") }
    }
}
