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
        let did = try #require(result.did)
        let reference = try DiDReference.load()
        // rtol 1e-9: same OLS, different factorization (statsmodels pinv vs pivoted QR).
        #expect(abs(did.effect - reference.estimate) <= 1e-9 * abs(reference.estimate))
        #expect(abs(did.standardError - reference.standardError) <= 1e-8 * reference.standardError)
        #expect(abs(did.confidenceInterval.lower - reference.interval[0]) <= 1e-8 * reference.interval[0])
        #expect(abs(did.confidenceInterval.upper - reference.interval[1]) <= 1e-8 * reference.interval[1])
        #expect(did.confidenceInterval.lower < 1_500 && 1_500 < did.confidenceInterval.upper)
        #expect(result.headline.estimate.effect == did.effect)
        let interval = result.chain.effect.interval
        #expect(interval.lower < 1_500 && 1_500 < interval.upper)
        #expect(interval.lower < did.effect && did.effect < interval.upper)
        // The headline numbers of the 2×2-only runner this one replaced (same seed, same cluster
        // draws; the replicate effect is now cell means rather than normal equations: rtol 1e-10).
        #expect(abs(interval.lower - 1_074.5615166260352) <= 1e-10 * 1_074.56)
        #expect(abs(interval.upper - 2_170.0756385551026) <= 1e-10 * 2_170.08)
        #expect(abs(result.chain.roiPercent.interval.lower - 291.80500943825723) <= 1e-10 * 291.8)
        #expect(abs(result.chain.roiPercent.interval.upper - 691.2497264144196) <= 1e-10 * 691.2)
    }

    @Test("observation account, clusters, population and seed")
    func provenance() throws {
        let result = try bundledRun.get()
        #expect(result.observations.totalRows == 14_400)
        #expect(result.observations.usedRows == 14_354)
        #expect(result.observations.dropped.map(\.count) == [46])
        #expect(result.clusterCount == 30)
        #expect(result.headline.treatedUnitsObservedPost == 300)
        #expect(result.benefitStream.population == 300)
        #expect(result.seed == 20_260_101)
        #expect(result.headlineReplicates.count == 999)
        #expect(result.dataSupportMonths == 12)
        #expect(result.method.hasPrefix("2×2 difference-in-differences; percentile of 999 cluster bootstrap (G = 30)"))
    }

    @Test("costs and ROI at the point estimate follow the Phillips formulas")
    func roiPoint() throws {
        let result = try bundledRun.get()
        #expect(result.ledger.total == 296_200)  // README costing: 230,400 + 45,000 + 9,000 + 6,000 + 3,400 + 2,400
        let chain = result.chain
        let benefits = try #require(result.did).effect * 0.30 * 300 * 12
        let roi = (benefits - 296_200) / 296_200 * 100
        #expect(abs(chain.benefits.point - benefits) <= 1e-9 * benefits)
        #expect(abs(chain.roiPercent.point - roi) <= 1e-9 * roi)
        #expect(abs(chain.benefitCostRatio.point - benefits / 296_200) <= 1e-12 * benefits / 296_200)
        // The ROI interval is the effect interval carried through the same increasing map.
        let low = (chain.effect.interval.lower * 0.30 * 300 * 12 - 296_200) / 296_200 * 100
        #expect(abs(chain.roiPercent.interval.lower - low) <= 1e-9 * abs(low))
        #expect(chain.roiPercent.interval.lower < chain.roiPercent.point)
        #expect(chain.roiPercent.point < chain.roiPercent.interval.upper)
    }

    @Test("the same seed gives bit-identical results with 1 and 2 threads")
    func threadInvariance() throws {
        let study = try Study.load(path: bundledStudyPath)
        let one = try StudyRunner.run(study, threads: 1)
        let two = try StudyRunner.run(study, threads: 2)
        #expect(one.headlineReplicates == two.headlineReplicates)
        #expect(one.chain == two.chain)
        #expect(try bundledRun.get().chain == one.chain)
    }

    @Test("a different seed gives different replicates")
    func seedMatters() throws {
        let path = try variantOfBundledStudy("seed: 20260101", "seed: 7")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let other = try StudyRunner.run(try Study.load(path: path))
        #expect(other.seed == 7)
        #expect(other.headlineReplicates != (try bundledRun.get()).headlineReplicates)
        #expect(other.headline.estimate.effect == (try bundledRun.get()).headline.estimate.effect)
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
        let effect = result.headline.estimate.effect
        #expect(abs(effect - (try bundledRun.get()).headline.estimate.effect) <= 1e-9 * effect)
    }

    @Test("a date treatment start on the date column")
    func dateStart() throws {
        let path = try variantOfBundledStudy("  time: month\n", "  time: date\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let text = try String(contentsOfFile: path, encoding: .utf8)
            .replacingOccurrences(of: "  post: post                    # 1 from month 13 on", with: "  treatment_start: 2025-01-01")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let result = try StudyRunner.run(try Study.load(path: path))
        let effect = result.headline.estimate.effect
        #expect(abs(effect - (try bundledRun.get()).headline.estimate.effect) <= 1e-9 * effect)
    }
}
