import Foundation
import Testing

@testable import Workbench

/// A complete study using every key, for parsing tests.
let fullStudyYAML = """
    study: Sales training
    data: data/panel.csv
    panel:
      unit: employee_id
      time: month
      cluster: team_id
    outcome: sales
    design:
      method: did2x2
      treated_group: trained_team
      post: post
    conversion:
      value_per_unit: 0.3
      unit: USD of sales
      source: Finance
    benefits:
      horizon_months: 6
      population: 250
    costs:
      direct:
        - item: Facilitator
          amount: 45000
          source: Invoice 17
      indirect:
        - item: Participant time
          hours: 4800
          rate: 48
          source: HR
        - item: Admin
          amount: 1200
      development:
        - {item: Design, hours: 40, rate: 85}
    bootstrap:
      replicates: 199
      seed: 18446744073709551615
      level: 0.9
    """

/// The smallest valid study: every optional key left out.
let minimalStudyYAML = """
    study: Minimal
    data: /tmp/panel.csv
    panel: {unit: id, time: t}
    outcome: y
    design: {method: did2x2, treated_group: g, treatment_start: 13}
    conversion: {value_per_unit: 2, unit: widgets}
    costs:
      direct: [{item: Fee, amount: 100}]
    """

@Suite("Study file parsing")
struct StudyParsingTests {
    @Test("every key is read")
    func fullStudy() throws {
        let study = try Study.parse(yaml: fullStudyYAML, file: "full.yml", baseDirectory: "/studies/x")
        #expect(study.title == "Sales training")
        #expect(study.file == "full.yml")
        #expect(study.dataPathAsWritten == "data/panel.csv")
        #expect(study.dataPath == "/studies/x/data/panel.csv")
        #expect(study.panel == Study.Panel(unit: "employee_id", time: "month", cluster: "team_id"))
        #expect(!study.panel.clusterIsDefault)
        #expect(study.outcome == "sales")
        #expect(study.isolation.map(\.method) == [.did2x2])
        #expect(study.did2x2Design == Study.Design(treatedGroup: "trained_team", period: .indicator(column: "post")))
        #expect(study.conversion == Study.Conversion(valuePerUnit: 0.3, unit: "USD of sales", source: "Finance"))
        #expect(study.benefits == Study.Benefits(horizonMonths: 6, population: .stated(250)))
        #expect(study.costs.count == 4)
        #expect(
            study.costs[0]
                == Study.CostEntry(
                    item: "Facilitator", category: .direct, amount: .fixed(45000), source: "Invoice 17", keyPath: "costs.direct[0]"))
        #expect(
            study.costs[1]
                == Study.CostEntry(
                    item: "Participant time", category: .indirect, amount: .hours(4800, rate: 48), source: "HR",
                    keyPath: "costs.indirect[0]"))
        #expect(
            study.costs[2]
                == Study.CostEntry(item: "Admin", category: .indirect, amount: .fixed(1200), source: nil, keyPath: "costs.indirect[1]"))
        #expect(
            study.costs[3]
                == Study.CostEntry(
                    item: "Design", category: .development, amount: .hours(40, rate: 85), source: nil, keyPath: "costs.development[0]"))
        #expect(study.bootstrap.replicates == 199)
        #expect(study.bootstrap.seed == UInt64.max)
        #expect(!study.bootstrap.seedIsDefault)
        #expect(study.bootstrap.level == 0.9)
        // This file sets every key of the 2×2 format; only the keys added with the attribution
        // chain (StudyParsingChainTests) are defaulted.
        let newKeys = [
            "panel.time_unit", "direction", "conversion.volume_per_month", "conversion.credibility", "benefits.decay_per_year",
            "benefits.discount_rate_per_year", "benefits.extrapolation", "roi.hurdle_percent", "roi.interval",
            "sensitivity.mbar", "sensitivity.tornado", "chain_of_impact",
        ]
        #expect(Set(study.defaultsApplied.map { String($0.prefix { $0 != " " && $0 != ":" }) }) == Set(newKeys))
    }

    @Test("defaults: cluster = unit, 12-month horizon, observed population, 999 replicates, fixed seed, 0.95")
    func defaults() throws {
        let study = try Study.parse(yaml: minimalStudyYAML, baseDirectory: "/elsewhere")
        #expect(study.file == "<text>")
        #expect(study.dataPath == "/tmp/panel.csv")
        #expect(study.panel.cluster == "id")
        #expect(study.panel.clusterIsDefault)
        #expect(study.did2x2Design?.period == .treatmentStart(.number(13)))
        #expect(study.conversion.source == nil)
        #expect(study.benefits.horizonMonths == 12)
        #expect(study.benefits.population == .treatedUnitsObservedPost)
        #expect(study.bootstrap.replicates == 999)
        #expect(study.bootstrap.seed == Study.defaultSeed)
        #expect(study.bootstrap.seedIsDefault)
        #expect(study.bootstrap.level == 0.95)
        #expect(study.defaultsApplied.contains("benefits.horizon_months = 12 (default; guiding principle 9)"))
        #expect(study.defaultsApplied.contains("bootstrap.seed = \(Study.defaultSeed) (default)"))
        #expect(study.defaultsApplied.contains("panel.cluster = id (default: cluster by unit)"))
    }

    @Test("treatment_start accepts an ISO date")
    func treatmentStartDate() throws {
        let yaml = minimalStudyYAML.replacingOccurrences(of: "treatment_start: 13", with: "treatment_start: 2025-01-01")
        let study = try Study.parse(yaml: yaml, baseDirectory: "/")
        #expect(study.did2x2Design?.period == .treatmentStart(.date(daysSinceEpoch: 20089)))
        #expect(Study.TimePoint.date(daysSinceEpoch: 20089).description == "2025-01-01")
    }

    @Test("locations of column-naming keys are remembered with their lines")
    func locations() throws {
        let study = try Study.parse(yaml: fullStudyYAML, file: "full.yml", baseDirectory: "/")
        let cluster = study.location(of: "panel.cluster")
        #expect(cluster == StudyLocation(file: "full.yml", keyPath: "panel.cluster", line: 6, column: 12))
        #expect(study.location(of: "outcome").line == 7)
        #expect(study.location(of: "design.treated_group").line == 10)
    }

    @Test("load resolves the data path against the study file's directory")
    func loadRelative() throws {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("study-load-\(UUID().uuidString)/nested")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory.deletingLastPathComponent()) }
        let path = directory.appendingPathComponent("s.yml").path
        try fullStudyYAML.replacingOccurrences(of: "data/panel.csv", with: "../panel.csv")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let study = try Study.load(path: path)
        #expect(study.dataPath == directory.deletingLastPathComponent().appendingPathComponent("panel.csv").standardizedFileURL.path)
        #expect(study.file == path)
    }

    @Test("the bundled example study parses and names the bundled dataset")
    func bundledExample() throws {
        let path = repositoryRoot().appendingPathComponent("Examples/studies/sales-training.yml").path
        let study = try Study.load(path: path)
        #expect(
            study.dataPath == repositoryRoot().appendingPathComponent("datasets/sales-training/sales_training.csv").standardizedFileURL.path
        )
        #expect(study.panel == Study.Panel(unit: "employee_id", time: "month", cluster: "team_id"))
        #expect(study.costs.count == 6)
        #expect(study.bootstrap.replicates == 999)
    }
}

/// The repository root, found from this source file's path (tests never depend on the working directory).
func repositoryRoot(filePath: String = #filePath) -> URL {
    URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
