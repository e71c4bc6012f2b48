import Foundation
import Testing

@testable import Workbench

/// The bundled example study, run once and shared by the tests (the run is deterministic).
let bundledStudyPath = repositoryRoot().appendingPathComponent("Examples/studies/sales-training.yml").path
let bundledRun = Result { try StudyRunner.run(try Study.load(path: bundledStudyPath)) }

/// The 2×2 DiD reference from statsmodels (datasets/reference/ols_sales_did.json, key `did_estimate`).
struct DiDReference: Decodable {
    let estimate: Double
    let standardError: Double
    let interval: [Double]

    enum CodingKeys: String, CodingKey {
        case estimate
        case standardError = "se_CR1_team_id"
        case interval = "ci_CR1_team_id"
    }

    static func load() throws -> DiDReference {
        struct File: Decodable {
            let reference: DiDReference
            enum CodingKeys: String, CodingKey { case reference = "did_estimate" }
        }
        let url = repositoryRoot().appendingPathComponent("datasets/reference/ols_sales_did.json")
        return try JSONDecoder().decode(File.self, from: Data(contentsOf: url)).reference
    }
}

/// A copy of the bundled study with one line replaced, written next to the original so that its
/// relative data path still resolves; removed by the caller.
func variantOfBundledStudy(_ old: String, _ new: String) throws -> String {
    let text = try String(contentsOfFile: bundledStudyPath, encoding: .utf8)
    precondition(text.contains(old), "the bundled study has no '\(old)'")
    let path = URL(fileURLWithPath: bundledStudyPath).deletingLastPathComponent()
        .appendingPathComponent("variant-\(UUID().uuidString).yml").path
    try text.replacingOccurrences(of: old, with: new).write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("Study runner on the bundled sales-training study")
struct StudyRunnerTests {
    @Test("the effect matches statsmodels and its intervals cover the true +1,500")
    func effect() throws {
        let result = try bundledRun.get()
        let reference = try DiDReference.load()
        // rtol 1e-9: same OLS, different factorization (statsmodels pinv vs pivoted QR).
        #expect(abs(result.did.effect - reference.estimate) <= 1e-9 * abs(reference.estimate))
        #expect(abs(result.did.standardError - reference.standardError) <= 1e-8 * reference.standardError)
        #expect(abs(result.did.confidenceInterval.lower - reference.interval[0]) <= 1e-8 * reference.interval[0])
        #expect(abs(result.did.confidenceInterval.upper - reference.interval[1]) <= 1e-8 * reference.interval[1])
        #expect(result.did.confidenceInterval.lower < 1_500 && 1_500 < result.did.confidenceInterval.upper)
        #expect(result.roi.effectInterval.lower < 1_500 && 1_500 < result.roi.effectInterval.upper)
        #expect(result.roi.effectInterval.lower < result.did.effect && result.did.effect < result.roi.effectInterval.upper)
    }

    @Test("observation account, clusters, population and seed")
    func provenance() throws {
        let result = try bundledRun.get()
        #expect(result.observations.totalRows == 14_400)
        #expect(result.observations.usedRows == 14_354)
        #expect(result.observations.dropped.map(\.count) == [46])
        #expect(result.clusterCount == 30)
        #expect(result.treatedUnitsObservedPost == 300)
        #expect(result.benefitStream.population == 300)
        #expect(result.seed == 20_260_101)
        #expect(result.replicates.replicates == 999)
        #expect(result.method.hasPrefix("2×2 difference-in-differences; Clustered (team_id)"))
    }

    @Test("costs and ROI at the point estimate follow the Phillips formulas")
    func roiPoint() throws {
        let result = try bundledRun.get()
        #expect(result.ledger.total == 296_200)  // README costing: 230,400 + 45,000 + 9,000 + 6,000 + 3,400 + 2,400
        let benefits = result.did.effect * 0.30 * 300 * 12
        let roi = (benefits - 296_200) / 296_200 * 100
        #expect(abs(result.roi.point.benefits - benefits) <= 1e-9 * benefits)
        #expect(abs(result.roi.point.roiPercent - roi) <= 1e-9 * roi)
        #expect(abs(result.roi.point.benefitCostRatio - benefits / 296_200) <= 1e-12 * benefits / 296_200)
        // The ROI interval is the effect interval carried through the same increasing map.
        let low = (result.roi.effectInterval.lower * 0.30 * 300 * 12 - 296_200) / 296_200 * 100
        #expect(abs(result.roi.roiInterval.lower - low) <= 1e-9 * abs(low))
        #expect(result.roi.roiInterval.lower < result.roi.point.roiPercent)
        #expect(result.roi.point.roiPercent < result.roi.roiInterval.upper)
    }

    @Test("the same seed gives bit-identical results with 1 and 2 threads")
    func threadInvariance() throws {
        let study = try Study.load(path: bundledStudyPath)
        let one = try StudyRunner.run(study, threads: 1)
        let two = try StudyRunner.run(study, threads: 2)
        #expect(one.replicates.values.map(\.bitPattern) == two.replicates.values.map(\.bitPattern))
        #expect(one.roi == two.roi)
        #expect(try bundledRun.get().roi == one.roi)
    }

    @Test("a different seed gives different replicates")
    func seedMatters() throws {
        let path = try variantOfBundledStudy("seed: 20260101", "seed: 7")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let other = try StudyRunner.run(try Study.load(path: path))
        #expect(other.seed == 7)
        #expect(other.replicates.values != (try bundledRun.get()).replicates.values)
        #expect(other.did.effect == (try bundledRun.get()).did.effect)
    }

    @Test(
        "treatment_start on the month or the date column gives the same effect as the post column",
        arguments: [
            ("  post: post                    # 1 from month 13 on", "  treatment_start: 13")
        ])
    func treatmentStart(old: String, new: String) throws {
        let path = try variantOfBundledStudy(old, new)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try StudyRunner.run(try Study.load(path: path))
        #expect(abs(result.did.effect - (try bundledRun.get()).did.effect) <= 1e-9 * result.did.effect)
    }

    @Test("a date treatment start on the date column")
    func dateStart() throws {
        let path = try variantOfBundledStudy("  time: month\n", "  time: date\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "  post: post                    # 1 from month 13 on", with: "  treatment_start: 2025-01-01")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try StudyRunner.run(try Study.load(path: path))
        #expect(abs(result.did.effect - (try bundledRun.get()).did.effect) <= 1e-9 * result.did.effect)
    }
}
