import DataFrameModule
import Foundation
import Reporting
import Testing

/// What a bundled dataset's README documents about its CSV file: the checks every dataset passes.
struct BundledDatasetFacts: Sendable {
    /// Path relative to the repository root.
    let path: String
    /// Header, in order.
    let columns: [String]
    /// Data rows (header excluded).
    let rows: Int
    /// Size in bytes.
    let bytes: Int
    /// SHA-256 stated in the README.
    let sha256: String

    /// The README next to the CSV.
    var readme: String { (path as NSString).deletingLastPathComponent + "/README.md" }
}

/// The five bundled datasets; the numbers are copied from their READMEs (which the tests also read).
let bundledDatasets: [BundledDatasetFacts] = [
    BundledDatasetFacts(
        path: "datasets/contact-centre/contact_centre.csv",
        columns: [
            "agent_id", "team_id", "site", "week", "week_start", "tenure_weeks", "training_week", "trained",
            "handle_time", "calls_handled", "scheduled_hours",
        ],
        rows: 18_720, bytes: 1_016_890, sha256: "a2b7242d72927557a22b2d819f087e50e4cc060826624037dfdd6f985188ceeb"),
    BundledDatasetFacts(
        path: "datasets/contact-centre-survey/contact_centre_survey.csv",
        columns: [
            "respondent_id", "agent_id", "team_id", "training_week", "survey_week", "responded", "improvement_minutes",
            "attribution_pct", "confidence_pct",
        ],
        rows: 270, bytes: 8_478, sha256: "5ad3564013e9149596ffd55649a051ea2b9a889e61de9e8e4f9fcbf2c7de0bf8"),
    BundledDatasetFacts(
        path: "datasets/manufacturing-quality/manufacturing_quality.csv",
        columns: [
            "line_id", "plant", "week", "week_start", "trained_line", "training_week", "post", "trained",
            "units_produced", "defects", "defects_per_1000",
        ],
        rows: 1_248, bytes: 56_290, sha256: "70ac49aa7e9e48ea50b73dcaf7bd0879252a63a064c1ede949be33ad689f06da"),
    BundledDatasetFacts(
        path: "datasets/nsw-dehejia-wahba/nsw_dehejia_wahba.csv",
        columns: ["id", "treat", "age", "educ", "black", "hisp", "married", "nodegree", "re74", "re75", "re78"],
        rows: 445, bytes: 15_410, sha256: "5fe571692e8e07ad9a34e5ab604ebf95785215b915361d2bf09236c1e2b4e4c5"),
    BundledDatasetFacts(
        path: "datasets/nsw-cps-comparison/nsw_cps_comparison.csv",
        columns: ["id", "sample", "treat", "age", "educ", "black", "hisp", "married", "nodegree", "re74", "re75", "re78"],
        rows: 16_177, bytes: 812_818, sha256: "d9b967bb0f21581a3582914ea59331a554bd56dfdb7fe9de4eb89e8d8e07800e"),
]

/// Reads a bundled dataset; a missing or unreadable file is a broken checkout, so it stops the run.
func bundledFrame(_ relativePath: String) -> DataFrame {
    let path = repositoryRoot().appendingPathComponent(relativePath).path
    do {
        return try DataFrame.readCSV(path: path)
    } catch {
        fatalError("Cannot read the bundled dataset at \(path): \(error)")
    }
}

/// The bundled datasets load, have the documented header and row count, and are byte for byte the
/// files their READMEs describe (size and SHA-256, which the README must state).
@Suite("Bundled datasets: files match their READMEs")
struct BundledDatasetTests {
    @Test("each dataset loads with the documented columns and rows", arguments: bundledDatasets.map(\.path))
    func loads(path: String) throws {
        let facts = try #require(bundledDatasets.first { $0.path == path })
        let frame = bundledFrame(path)
        #expect(frame.columnNames == facts.columns)
        #expect(frame.rowCount == facts.rows)
    }

    @Test("each file's size and SHA-256 match the values its README states", arguments: bundledDatasets.map(\.path))
    func digest(path: String) throws {
        let facts = try #require(bundledDatasets.first { $0.path == path })
        let root = repositoryRoot()
        let data = try Data(contentsOf: root.appendingPathComponent(path))
        #expect(data.count == facts.bytes)
        #expect(data.count < 3_000_000, "bundled CSVs stay under 3 MB")
        #expect(StudyReport.sha256Hex(data) == facts.sha256)
        let readme = try String(contentsOf: root.appendingPathComponent(facts.readme), encoding: .utf8)
        #expect(readme.contains("SHA-256 `\(facts.sha256)`"))
        #expect(readme.contains(facts.bytes.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))))
        for column in facts.columns { #expect(readme.contains("| `\(column)` |"), "README documents \(column)") }
    }
}
