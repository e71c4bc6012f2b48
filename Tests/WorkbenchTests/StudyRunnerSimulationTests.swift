import Attribution
import DataFrameModule
import Estimators
import Foundation
import Testing

@testable import Workbench

/// A study in a fresh directory over a seeded `StaggeredPanelSimulation` draw (columns unit, team,
/// time, cohort, y), with `files` written beside it.
struct SimulatedStudy {
    let directory: URL
    let sample: StaggeredPanelSimulation.Sample

    init(design: StaggeredPanelSimulation = .init(), seed: UInt64 = 11, files: [String: String] = [:]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("study-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        sample = design.sample(seed: seed)
        try sample.frame().writeCSV(path: directory.appendingPathComponent("panel.csv").path)
        for (name, text) in files {
            try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// Runs a study whose `isolation`, `cluster` and other blocks are given.
    func run(
        isolation: String, cluster: String = "team", benefits: String = "{horizon_months: 5, population: 100}",
        direction: String = "increase", replicates: Int = 99
    ) throws -> StudyResult {
        let yaml = """
            study: Simulated rollout
            data: panel.csv
            panel: {unit: unit, time: time, cluster: \(cluster)}
            outcome: y
            direction: \(direction)
            isolation:
            \(isolation)
            conversion: {value_per_unit: 10, unit: point of y, source: stated}
            benefits: \(benefits)
            costs:
              direct: [{item: Programme, amount: 1000, source: stated}]
            bootstrap: {replicates: \(replicates), seed: 5}
            """
        let path = directory.appendingPathComponent("study.yml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try StudyRunner.run(try Study.load(path: path))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite("Study runner on seeded simulations and surveys")
struct StudyRunnerSimulationTests {
    @Test("a simulated rollout with a known effect and a known ROI is recovered within its intervals")
    func knownTruth() throws {
        let study = try SimulatedStudy()
        defer { study.remove() }
        // Earliest cohort 4 of 8 periods: 5 post-training months observed, so a 5-month horizon.
        let result = try study.run(isolation: "  - {method: callaway_santanna, cohort: cohort}")
        let truth = study.sample.trueSimpleATT
        let trueROI = (truth * 10 * 100 * 5 - 1000) / 1000 * 100
        let effect = result.chain.effect.interval
        #expect(effect.lower < truth && truth < effect.upper, "effect interval \(effect) vs truth \(truth)")
        let roi = result.chain.roiPercent.interval
        #expect(roi.lower < trueROI && trueROI < roi.upper, "ROI interval \(roi) vs true ROI \(trueROI)")
        #expect(result.dataSupportMonths == 5)
        #expect(result.estimators.callawaySantAnna != nil)
        #expect(result.report.means == nil)  // no 2×2 among the methods
    }

    @Test("fewer than 2 clusters is refused at panel.cluster")
    func oneCluster() throws {
        let study = try SimulatedStudy(design: .init(units: 60, clusters: 1))
        defer { study.remove() }
        let error = #expect(throws: StudyError.self) {
            try study.run(isolation: "  - {method: twfe, treatment: cohort}")
        }
        guard case .invalidValue(let location, _, let advice) = error else {
            Issue.record("expected invalidValue, got \(String(describing: error))")
            return
        }
        #expect(location.keyPath == "panel.cluster")
        #expect(advice.contains("at least 2"))
    }

    /// A survey CSV with the given rows of improvement, share, confidence (blank = empty).
    static func survey(_ rows: [String]) -> String { "improvement,share,confidence\n" + rows.joined(separator: "\n") + "\n" }

    static let surveyMethod = """
          - method: participant_estimates
            survey: survey.csv
            improvement: improvement
            share: share
            confidence: confidence
        """

    @Test(
        "survey errors name the method and the row",
        arguments: [
            (["2,50,80", "1,150,80", ",,"], "share"),
            (["2,50,80", "1,40,", ",,"], "confidence"),
        ])
    func surveyErrors(rows: [String], word: String) throws {
        let study = try SimulatedStudy(files: ["survey.csv": Self.survey(rows)])
        defer { study.remove() }
        let error = #expect(throws: StudyError.self) {
            try study.run(isolation: Self.surveyMethod, benefits: "{horizon_months: 5}")
        }
        guard case .isolationFailed(let location, let method, let problem) = error else {
            Issue.record("expected isolationFailed, got \(String(describing: error))")
            return
        }
        #expect(location.keyPath == "isolation[0]")
        #expect(method == "participant_estimates")
        #expect(problem.contains(word) && problem.contains("Row 2"), "\(problem)")
    }

    @Test("a survey beside a panel method: signs follow the direction, the population is the participants")
    func surveyDirection() throws {
        let rows = ["0.4,50,100", "0.8,50,50", ",,", "0.6,100,50"]
        let study = try SimulatedStudy(files: ["survey.csv": Self.survey(rows)])
        defer { study.remove() }
        // Adjusted claims 0.2, 0.2, 0, 0.3 over 4 participants: 0.175 in the direction of benefit.
        let up = try study.run(isolation: Self.surveyMethod, benefits: "{horizon_months: 5}")
        #expect(abs(up.headline.estimate.effect - 0.175) < 1e-12)
        #expect(up.benefitStream.population == 4)
        #expect(up.dataSupportMonths == nil)
        let down = try study.run(isolation: Self.surveyMethod, benefits: "{horizon_months: 5}", direction: "decrease")
        #expect(abs(down.headline.estimate.effect + 0.175) < 1e-12)
        #expect(down.headlineEffect == .constant(up.headline.estimate.effect))
        #expect(down.chain.roiPercent == up.chain.roiPercent)
        #expect(down.report.principles.map(\.number).contains(6))
    }
}
