import Attribution
import Estimators
import Foundation
import Inference
import Testing

@testable import Workbench

/// A study using every key of the attribution chain.
let chainStudyYAML = """
    study: Contact centre
    data: panel.csv
    panel: {unit: agent_id, time: week, time_unit: week, cluster: team_id}
    outcome: handle_time
    direction: decrease
    isolation:
      - {method: did2x2, treated_group: trained_team, treatment_start: 14}
      - {method: twfe, treatment: trained}
      - {method: callaway_santanna, cohort: training_week, control_group: not_yet_treated, anticipation: 1}
      - {method: callaway_santanna, treatment: trained}
      - {method: sun_abraham, cohort: training_week}
      - {method: imputation, cohort: training_week, anticipation: 2}
      - {method: control_group, treated: trained, covariates: [tenure, site], estimator: aipw}
      - {method: interrupted_time_series, treated_group: trained_team, interruption: 14}
      - method: participant_estimates
        survey: survey/answers.csv
        improvement: improvement_minutes
        share: attribution_pct
        confidence: confidence_pct
        extreme_multiple: 4
    conversion:
      standard: {hour_saved: {full_hourly_cost: 38, units_per_hour: 60}}
      volume_per_month: 900
      unit: minute per call
      source: WFM
      credibility: expert_estimate
      currency: usd
      uncertainty: {triangular: [34, 38, 44]}
    benefits:
      horizon_months: 9
      population: 270
      decay_per_year: 0.2
      discount_rate_per_year: 0.05
      extrapolation: carry_last_effect_forward
    costs:
      currency: USD
      direct: [{item: Facilitator, amount: 54000, source: Invoice}]
      development:
        - {item: Curriculum, total: 96000, share: 0.25, source: Budget, currency: USD}
    roi: {hurdle_percent: 25, interval: basic}
    bootstrap: {replicates: 99, seed: 7, level: 0.9}
    """

/// `chainStudyYAML` with one line replaced, parsed; the error if parsing fails.
func chainStudyError(_ old: String, _ new: String) -> StudyError? {
    precondition(chainStudyYAML.contains(old), "no '\(old)' in the chain study")
    do {
        _ = try Study.parse(yaml: chainStudyYAML.replacingOccurrences(of: old, with: new), file: "c.yml", baseDirectory: "/s")
        return nil
    } catch {
        return error as? StudyError
    }
}

@Suite("Study file: isolation methods, conversion, benefits, costs and ROI keys")
struct StudyParsingChainTests {
    @Test("every key of the chain is read")
    func everyKey() throws {
        let study = try Study.parse(yaml: chainStudyYAML, file: "c.yml", baseDirectory: "/s")
        #expect(study.panel.timeUnit == .week)
        #expect(study.direction == .decrease)
        #expect(
            study.isolation.map(\.method) == [
                .did2x2, .twfe, .callawaySantAnna, .callawaySantAnna, .sunAbraham, .imputation, .controlGroup,
                .interruptedTimeSeries, .participantEstimates,
            ])
        #expect(study.isolation.map(\.keyPath) == (0..<9).map { "isolation[\($0)]" })
        #expect(study.isolation[0].detail == .did2x2(.init(treatedGroup: "trained_team", period: .treatmentStart(.number(14)))))
        #expect(study.isolation[1].detail == .twfe(treatment: "trained"))
        #expect(
            study.isolation[2].detail == .callawaySantAnna(timing: .cohort("training_week"), controlGroup: .notYetTreated, anticipation: 1))
        #expect(study.isolation[3].detail == .callawaySantAnna(timing: .treatment("trained"), controlGroup: .neverTreated, anticipation: 0))
        #expect(study.isolation[4].detail == .sunAbraham(cohort: "training_week"))
        #expect(study.isolation[5].detail == .imputation(cohort: "training_week", anticipation: 2))
        #expect(
            study.isolation[6].detail
                == .controlGroup(treated: "trained", covariates: ["tenure", "site"], estimator: .augmentedInverseProbabilityWeighting))
        #expect(study.isolation[7].detail == .interruptedTimeSeries(treatedGroup: "trained_team", interruption: .number(14)))
        #expect(
            study.isolation[8].detail
                == .participantEstimates(
                    .init(
                        pathAsWritten: "survey/answers.csv", path: "/s/survey/answers.csv", improvement: "improvement_minutes",
                        share: "attribution_pct", confidence: "confidence_pct", extremeMultiple: 4)))
        #expect(study.conversion.base == .hourSaved(fullHourlyCost: 38, unitsPerHour: 60))
        #expect(abs(study.conversion.valuePerUnit - 38.0 / 60 * 900) < 1e-12)
        #expect(abs(study.conversion.scale - 900.0 / 60) < 1e-12)
        #expect(study.conversion.credibility == .expertEstimate)
        #expect(study.conversion.currency == "USD")
        #expect(study.conversion.uncertainty == .triangular(lower: 34, mode: 38, upper: 44))
        #expect(
            study.benefits
                == Study.Benefits(
                    horizonMonths: 9, population: .stated(270), decayPerYear: 0.2, discountRatePerYear: 0.05,
                    extrapolation: .carryLastEffectForward))
        #expect(study.costs[1].amount == .shared(total: 96000, share: 0.25))
        #expect(study.costs.map(\.currency) == ["USD", "USD"])
        #expect(study.costCurrency == "USD")
        #expect(study.roi == Study.ROISettings(hurdlePercent: 25, interval: .basic))
        #expect(study.bootstrap.replicates == 99)
        // Only the defaults of keys left out are listed, each with its reason.
        #expect(
            study.defaultsApplied == [
                "isolation[3].control_group = never_treated (default, as R did)",
                "isolation[3].anticipation = 0 (default: no anticipation)",
                "sensitivity.mbar = [0, 0.5, 1, 1.5, 2] (default)",
                "sensitivity.tornado = the conversion's uncertainty range (when stated), the effect's interval and every "
                    + "cost item ±20 % (default)",
                "chain_of_impact: no level 1–3 data and no intangibles (default)",
            ])
    }

    @Test("the legacy design key and the defaults of the new keys")
    func legacyDefaults() throws {
        let study = try Study.parse(yaml: minimalStudyYAML, baseDirectory: "/elsewhere")
        #expect(study.isolation.map(\.keyPath) == ["design"])
        #expect(study.direction == .increase)
        #expect(study.panel.timeUnit == .month)
        #expect(study.benefits.extrapolation == .refuse)
        #expect(study.benefits.horizonIsDefault)
        #expect(study.roi == Study.ROISettings())
        for prefix in [
            "direction = increase", "panel.time_unit = month", "conversion.volume_per_month = 1",
            "benefits.extrapolation = refuse", "roi.interval = percentile", "benefits.decay_per_year = 0",
        ] {
            #expect(study.defaultsApplied.contains { $0.hasPrefix(prefix) }, "\(prefix)")
        }
    }

    @Test(
        "bad values name the key and what to do",
        arguments: [
            ("method: twfe,", "method: twfee,", "isolation[1].method", "Did you mean 'twfe'?"),
            ("method: sun_abraham,", "method: sun_abrahams,", "isolation[4].method", "Did you mean 'sun_abraham'?"),
            ("control_group: not_yet_treated", "control_group: not_yet", "isolation[2].control_group", "not_yet_treated"),
            ("estimator: aipw", "estimator: aipv", "isolation[6].estimator", "Did you mean 'aipw'?"),
            ("direction: decrease", "direction: decreasing", "direction", "Did you mean 'decrease'?"),
            ("time_unit: week", "time_unit: weeks", "panel.time_unit", "Did you mean 'week'?"),
            ("extrapolation: carry_last_effect_forward", "extrapolation: carry", "benefits.extrapolation", "assume_no_effect"),
            ("interval: basic", "interval: bca", "roi.interval", "jackknife"),
            ("share: 0.25,", "share: 25,", "costs.development[0].share", "Did you mean 0.25?"),
            ("triangular: [34, 38, 44]", "triangular: [40, 42, 44]", "conversion.uncertainty.triangular", "must contain"),
            ("triangular: [34, 38, 44]", "triangular: [44, 38, 34]", "conversion.uncertainty.triangular", "low ≤"),
            ("currency: usd", "currency: dollars", "conversion.currency", "three-letter"),
            ("extreme_multiple: 4", "extreme_multiple: 1", "isolation[8].extreme_multiple", "above 1"),
            ("replicates: 99", "replicates: 1", "bootstrap.replicates", "at least 2"),
        ])
    func invalidValues(old: String, new: String, keyPath: String, advice: String) throws {
        let error = try #require(chainStudyError(old, new))
        #expect(error.location?.keyPath == keyPath)
        #expect(error.description.contains(advice), "\(error)")
    }

    @Test("a key of another method is refused with this method's keys")
    func keyOfAnotherMethod() throws {
        let error = try #require(chainStudyError("{method: twfe, treatment: trained}", "{method: twfe, cohort: training_week}"))
        guard case .unknownKey(let location, let key, _, let allowed) = error else {
            Issue.record("expected unknownKey, got \(error)")
            return
        }
        #expect(location.keyPath == "isolation[1].cohort")
        #expect(key == "cohort")
        #expect(allowed == ["method", "treatment"])
    }

    @Test("costs in mixed currencies are refused, naming both places")
    func mixedCurrencies() throws {
        let error = try #require(chainStudyError("source: Budget, currency: USD}", "source: Budget, currency: EUR}"))
        #expect(error.location?.keyPath == "costs.development[0].currency")
        #expect(error.description.contains("EUR here, USD at costs.currency"))
        let benefit = try #require(chainStudyError("currency: usd", "currency: EUR"))
        #expect(benefit.location?.keyPath == "conversion.currency")
        #expect(benefit.description.contains("The costs are in USD"))
    }

    @Test("conflicting and missing keys")
    func conflicts() throws {
        let both = try #require(chainStudyError("direction: decrease", "direction: decrease\ndesign: {method: did2x2, treated_group: g, post: p}"))
        guard case .conflictingKeys(_, let keys, _) = both else {
            Issue.record("expected conflictingKeys, got \(both)")
            return
        }
        #expect(keys == ["isolation", "design"])
        let cohortAndTreatment = try #require(
            chainStudyError("{method: callaway_santanna, treatment: trained}", "{method: callaway_santanna, treatment: trained, cohort: c}"))
        #expect(cohortAndTreatment.location?.keyPath == "isolation[3]")
        let noSurvey = try #require(chainStudyError("    survey: survey/answers.csv\n", ""))
        #expect(noSurvey.location?.keyPath == "isolation[8].survey")
        let standardAndValue = try #require(chainStudyError("  volume_per_month: 900", "  volume_per_month: 900\n  value_per_unit: 3"))
        #expect(standardAndValue.description.contains("'value_per_unit' and 'standard' cannot both be given"))
        let empty = try #require(chainStudyError(
            String(chainStudyYAML[chainStudyYAML.range(of: "isolation:\n")!.lowerBound..<chainStudyYAML.range(of: "conversion:")!.lowerBound]),
            "isolation: []\n"))
        #expect(empty.location?.keyPath == "isolation")
    }
}
