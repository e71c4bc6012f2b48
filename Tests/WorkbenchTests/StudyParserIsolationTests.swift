import Estimators
import Foundation
import Testing

@testable import Workbench

/// A study on the NSW experimental sample with one `control_group` item, the lines of which follow
/// `    estimator: ` (so a test can add matching keys or drop the estimator).
func nswStudyYAML(isolationTail: String, replicates: Int = 99, dataPath: String = "nsw.csv") -> String {
    """
    study: NSW job training
    data: \(dataPath)
    panel: {unit: id, time: id, cluster: id}
    outcome: re78
    isolation:
      - method: control_group
        treated: treat
        covariates: [age, educ, black, hisp, married, nodegree, re74, re75]
    \(isolationTail.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n"))
    conversion: {value_per_unit: 1, volume_per_month: 0.0833333333333333, unit: USD per year, source: earnings}
    benefits: {horizon_months: 12}
    costs:
      direct:
        - {item: Operations, amount: 185000, source: illustrative}
    bootstrap: {replicates: \(replicates), seed: 20260101}
    """
}

/// The `control_group` estimator parsed from `tail`, with the defaults the parser logged.
func parsedControlGroup(_ tail: String) throws -> (Study.ControlGroupEstimator, [String]) {
    let study = try Study.parse(yaml: nswStudyYAML(isolationTail: tail), file: "nsw.yml", baseDirectory: "/s")
    guard case .controlGroup(_, _, let estimator) = try #require(study.isolation.first).detail else {
        Issue.record("expected a control-group item")
        throw CancellationError()
    }
    return (estimator, study.defaultsApplied)
}

/// The error parsing `tail` raises.
func controlGroupError(_ tail: String) throws -> StudyError {
    try studyError(nswStudyYAML(isolationTail: tail))
}

@Suite("Study file: matching as a control-group estimator")
struct StudyParserIsolationTests {
    @Test("every matching key is read into the specification")
    func everyKey() throws {
        let (estimator, defaults) = try parsedControlGroup(
            "estimator: matching\nneighbours: 3\ncaliper: 0.2\nreplacement: false\ndistance: logit")
        #expect(
            estimator
                == .matching(.init(ratio: 3, replacement: false, caliper: 0.2, distance: .linearPropensityScore)))
        #expect(estimator.comparisonMethod == nil)
        #expect(!defaults.contains { $0.hasPrefix("isolation[0].") })
    }

    @Test("defaults: one neighbour with replacement on the propensity score, no caliper; each logged")
    func defaults() throws {
        let (estimator, defaults) = try parsedControlGroup("estimator: matching")
        #expect(estimator == .matching(.init(ratio: 1, replacement: true, caliper: nil, distance: .propensityScore)))
        for prefix in [
            "isolation[0].neighbours = 1", "isolation[0].caliper = none", "isolation[0].replacement = true",
            "isolation[0].distance = propensity_score",
        ] {
            #expect(defaults.contains { $0.hasPrefix(prefix) }, "\(prefix)")
        }
        #expect(defaults.contains { $0.contains("Abadie–Imbens") })
    }

    @Test("the covariate adjustments keep their names and labels")
    func adjustments() throws {
        #expect(try parsedControlGroup("estimator: ipw").0 == .inverseProbabilityWeighting)
        #expect(try parsedControlGroup("estimator: regression").0.comparisonMethod == .regressionAdjustment)
        #expect(Study.ControlGroupEstimator.augmentedInverseProbabilityWeighting.description == "AIPW")
        let (estimator, defaults) = try parsedControlGroup("")
        #expect(estimator == .regressionAdjustment)
        #expect(defaults.contains { $0.hasPrefix("isolation[0].estimator = regression") })
    }

    @Test(
        "bad matching values name the key and what to do",
        arguments: [
            ("estimator: matchin", "isolation[0].estimator", "Did you mean 'matching'?"),
            ("estimator: matching\nneighbours: 0", "isolation[0].neighbours", "1 or more"),
            ("estimator: matching\nneighbours: 1.5", "isolation[0].neighbours", "whole number"),
            ("estimator: matching\ncaliper: -0.2", "isolation[0].caliper", "above 0"),
            ("estimator: matching\ncaliper: wide", "isolation[0].caliper", "a number"),
            ("estimator: matching\nreplacement: yes please", "isolation[0].replacement", "false, true"),
            ("estimator: matching\ndistance: logits", "isolation[0].distance", "Did you mean 'logit'?"),
            ("estimator: matching\nneighbors: 2", "isolation[0].neighbors", "Did you mean 'neighbours'?"),
        ])
    func invalidValues(tail: String, keyPath: String, advice: String) throws {
        let error = try controlGroupError(tail)
        #expect(error.location?.keyPath == keyPath)
        #expect(error.description.contains(advice), "\(error)")
        #expect(error.location?.line != nil)
    }

    @Test("matching keys without estimator: matching are refused", arguments: ["estimator: ipw\ncaliper: 0.2", "neighbours: 2"])
    func matchingKeysWithoutMatching(tail: String) throws {
        let error = try controlGroupError(tail)
        guard case .conflictingKeys(let location, _, let advice) = error else {
            Issue.record("expected conflictingKeys, got \(error)")
            return
        }
        #expect(location.keyPath == "isolation[0]")
        #expect(advice.contains("estimator: matching"))
    }

    @Test("matching keys are refused on other methods")
    func otherMethod() throws {
        let yaml = nswStudyYAML(isolationTail: "").replacingOccurrences(
            of: "  - method: control_group\n    treated: treat\n    covariates: [age, educ, black, hisp, married, nodegree, re74, re75]\n",
            with: "  - {method: twfe, treatment: treat, caliper: 0.2}\n")
        let error = try studyError(yaml)
        guard case .unknownKey(let location, let key, _, let allowed) = error else {
            Issue.record("expected unknownKey, got \(error)")
            return
        }
        #expect(key == "caliper")
        #expect(location.keyPath == "isolation[0].caliper")
        #expect(allowed == ["method", "treatment"])
    }
}
