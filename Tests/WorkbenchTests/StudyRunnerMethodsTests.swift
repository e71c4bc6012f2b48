import Attribution
import Estimators
import Foundation
import Testing

@testable import Workbench

/// Runs the NSW study of `nswStudyYAML` (data path absolute, so the file may live in a temp dir).
/// `extraItem` is a further `isolation` item in flow style.
func runNSWStudy(isolationTail: String, extraItem: String? = nil, replicates: Int, threads: Int? = nil) throws -> StudyResult {
    let data = repositoryRoot().appendingPathComponent("datasets/nsw-dehejia-wahba/nsw_dehejia_wahba.csv").path
    var yaml = nswStudyYAML(isolationTail: isolationTail, replicates: replicates, dataPath: data)
    if let extraItem { yaml = yaml.replacingOccurrences(of: "\nconversion:", with: "\n  - \(extraItem)\nconversion:") }
    return try StudyRunner.run(try Study.parse(yaml: yaml, file: "nsw.yml", baseDirectory: "/"), threads: threads)
}

/// The NSW covariates of Dehejia & Wahba (1999) without the squared terms.
let nswCovariates = ["age", "educ", "black", "hisp", "married", "nodegree", "re74", "re75"]

@Suite("Study runner: matching on the NSW experimental sample")
struct StudyRunnerMethodsTests {
    @Test("the headline equals IsolationMatching called directly with the same settings")
    func headlineEqualsDirectCall() throws {
        let result = try runNSWStudy(isolationTail: "estimator: matching\nneighbours: 2\ncaliper: 0.5", replicates: 99)
        let frame = bundledFrame("datasets/nsw-dehejia-wahba/nsw_dehejia_wahba.csv")
        let direct = IsolationMatching(
            data: frame, outcome: "re78", treatment: "treat", covariates: nswCovariates,
            specification: .init(ratio: 2, replacement: true, caliper: 0.5))
        let boot = try direct.isolate(bootstrap: IsolationBootstrap(replicates: 99, seed: 20_260_101))
        let analytic = try direct.isolate(bootstrap: nil)

        let headline = result.headline
        #expect(headline.estimate.effect == boot.effect)
        #expect(headline.estimate.lower == boot.lower && headline.estimate.upper == boot.upper)
        #expect(headline.estimate.replicates?.values == boot.replicates?.values)
        #expect(headline.analytic.standardError == analytic.standardError)
        #expect(headline.analytic.inference == analytic.inference)
        #expect(headline.estimate.method == direct.label)
        #expect(result.headlineEffect == .constant(boot.effect))
        #expect(result.headlineReplicates.count == 99)
        #expect(headline.treatedUnitsObservedPost == 185)
        #expect(headline.periodsAfterTraining == nil)
    }

    @Test("matching and regression adjustment side by side: the headline is the smaller gain, near the experiment")
    func sideBySide() throws {
        let result = try runNSWStudy(
            isolationTail: "estimator: matching",
            extraItem: "{method: control_group, treated: treat, covariates: [age, educ, re74, re75], estimator: regression}",
            replicates: 19)
        #expect(result.methods.count == 2)
        let effects = result.methods.map(\.estimate.effect)
        #expect(result.headline.estimate.effect == effects.min())
        // Randomized assignment: both covariate-adjusted estimates lie within two published SEs
        // (633 USD) of the experimental difference in means, 1,794 USD (Dehejia & Wahba 1999, Table 3).
        for effect in effects { #expect(abs(effect - 1_794) < 2 * 633, "\(effect)") }
        #expect(result.methods[0].estimate.replicates?.scheme.hasPrefix("Otsu–Rai weighted bootstrap") == true)
    }

    @Test("replicates are identical on one and two threads")
    func threadInvariant() throws {
        let one = try runNSWStudy(isolationTail: "estimator: matching", replicates: 49, threads: 1)
        let two = try runNSWStudy(isolationTail: "estimator: matching", replicates: 49, threads: 2)
        #expect(one.headlineReplicates == two.headlineReplicates)
        #expect(one.chain.roiPercent.interval.lower == two.chain.roiPercent.interval.lower)
    }

    @Test("the NSW example study runs: matching beside regression adjustment, one year of the earnings gain")
    func exampleStudy() throws {
        let example = repositoryRoot().appendingPathComponent("Examples/studies/nsw-job-training.yml").path
        let text = try String(contentsOfFile: example, encoding: .utf8)
        #expect(text.contains("replicates: 999"))
        // Fewer replicates keep the test fast; written next to the example so that its data path resolves.
        let variant = URL(fileURLWithPath: example).deletingLastPathComponent()
            .appendingPathComponent("variant-\(UUID().uuidString).yml").path
        try text.replacingOccurrences(of: "replicates: 999", with: "replicates: 19").write(
            toFile: variant, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: variant) }
        let result = try StudyRunner.run(try Study.load(path: variant))

        #expect(result.methods.map(\.spec.method) == [.controlGroup, .controlGroup])
        guard case .controlGroup(_, let covariates, .matching(let matching)) = result.methods[0].spec.detail else {
            Issue.record("the first method is not matching")
            return
        }
        #expect(matching == .init(ratio: 1, replacement: true, caliper: nil, distance: .propensityScore))
        let frame = bundledFrame("datasets/nsw-dehejia-wahba/nsw_dehejia_wahba.csv")
        let direct = try IsolationMatching(
            data: frame, outcome: "re78", treatment: "treat", covariates: covariates, specification: matching
        ).isolate(bootstrap: nil)
        #expect(result.methods[0].analytic.effect == direct.effect)
        #expect(result.headline.estimate.effect == result.methods.map(\.estimate.effect).min())
        // Benefits: 185 trained men × 12 months × (1/12 of the annual gain) = 185 × the effect.
        #expect(result.benefitStream.population == 185)
        let benefits = result.chain.benefits.point
        #expect(abs(benefits - 185 * result.headline.estimate.effect) <= 1e-9 * benefits)
        #expect(result.chain.costs.point == 223_000)
    }
}
