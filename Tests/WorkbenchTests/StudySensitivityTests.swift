import Foundation
import Testing

@testable import Workbench

/// Parses `yaml` as the value of the top-level key `key` (nil when the key is absent) with `parse`,
/// returning the result and the defaults the parser noted.
func parseSection<T>(
    _ yaml: String?, key: String, baseDirectory: String = "/studies/s",
    _ parse: (inout StudyParser, StudyNode?) throws -> T
) throws -> (T, [String]) {
    var parser = StudyParser(file: "s.yml", baseDirectory: baseDirectory)
    let node = try yaml.flatMap { try StudyNode.section(key, yaml: $0, file: "s.yml") }
    let value = try parse(&parser, node)
    return (value, parser.defaultsApplied)
}

/// The `StudyError` thrown by `body`, or nil when it throws none (or another error).
func studyError(_ body: () throws -> Void) -> StudyError? {
    do {
        try body()
        return nil
    } catch let error as StudyError {
        return error
    } catch {
        return nil
    }
}

@Suite("Study file: sensitivity section")
struct StudySensitivityTests {
    func parse(_ yaml: String?) throws -> (Study.SensitivitySettings, [String]) {
        try parseSection(yaml, key: "sensitivity") { try $0.parseSensitivity($1) }
    }

    @Test("every key is read")
    func fullSection() throws {
        let (settings, defaults) = try parse(
            """
            sensitivity:
              mbar: [0, 0.25, 1]
              tornado:
                value_per_unit: [0.25, 0.35]
                horizon_months: [6, 24]
                population_share: [0.8, 1.0]
                decay_per_year: [0, 0.5]
                discount_rate_per_year: [0, 0.1]
                effect: interval
                costs_plus_minus: 0.2
            """)
        #expect(settings.mbarGrid == [0, 0.25, 1])
        let t = settings.tornado
        #expect(t.valuePerUnit == .stated(Study.AssumptionRange(low: 0.25, high: 0.35)))
        #expect(t.horizonMonths == Study.AssumptionRange(low: 6, high: 24))
        #expect(t.populationShare == Study.AssumptionRange(low: 0.8, high: 1))
        #expect(t.decayPerYear == Study.AssumptionRange(low: 0, high: 0.5))
        #expect(t.discountRatePerYear == Study.AssumptionRange(low: 0, high: 0.1))
        #expect(t.effect == .fromAnalysis)
        #expect(t.costsPlusMinus == 0.2)
        #expect(defaults.isEmpty)
    }

    @Test("absent section: M̄ grid 0…2 by 0.5; tornado over the conversion range, the effect interval, costs ±20 %")
    func defaults() throws {
        let (settings, defaults) = try parse(nil)
        #expect(settings.mbarGrid == [0, 0.5, 1, 1.5, 2])
        #expect(settings.tornado == Study.TornadoSettings())
        #expect(settings.tornado.valuePerUnit == .fromAnalysis)
        #expect(settings.tornado.effect == .fromAnalysis)
        #expect(settings.tornado.costsPlusMinus == 0.2)
        #expect(settings.tornado.horizonMonths == nil)
        #expect(defaults.count == 2)
        #expect(defaults[0] == "sensitivity.mbar = [0, 0.5, 1, 1.5, 2] (default)")
        #expect(defaults[1].contains("every cost item ±20 %"))
    }

    @Test("a stated tornado varies exactly what it lists; 'none' and 'uncertainty' are read")
    func statedTornadoOnly() throws {
        let (settings, defaults) = try parse(
            """
            sensitivity:
              tornado: {value_per_unit: uncertainty, effect: none}
            """)
        #expect(settings.tornado.valuePerUnit == .fromAnalysis)
        #expect(settings.tornado.effect == Study.TornadoRangeSource.none)
        #expect(settings.tornado.costsPlusMinus == nil)
        #expect(defaults == ["sensitivity.mbar = [0, 0.5, 1, 1.5, 2] (default)"])
        let (ranged, _) = try parse("sensitivity: {tornado: {effect: [100, 2000]}}")
        #expect(ranged.tornado.effect == .stated(Study.AssumptionRange(low: 100, high: 2000)))
        #expect(ranged.tornado.valuePerUnit == Study.TornadoRangeSource.none)
    }

    @Test("a reversed range names the key and suggests the right order")
    func reversedRange() throws {
        let error = try #require(
            studyError { _ = try parse("sensitivity:\n  tornado:\n    value_per_unit: [0.35, 0.25]\n") })
        guard case .invalidValue(let location, let value, let advice) = error else {
            Issue.record("expected invalidValue, got \(error)")
            return
        }
        #expect(location.keyPath == "sensitivity.tornado.value_per_unit")
        #expect(location.line == 3)
        #expect(value == "[0.35, 0.25]")
        #expect(advice.contains("reversed") && advice.contains("[0.25, 0.35]"))
    }

    @Test("a negative or zero horizon is refused at its element")
    func negativeHorizon() throws {
        let error = try #require(studyError { _ = try parse("sensitivity: {tornado: {horizon_months: [-6, 24]}}") })
        #expect(error.location?.keyPath == "sensitivity.tornado.horizon_months[0]")
        #expect(error.description.contains("longer than 0 months"))
        #expect(studyError { _ = try parse("sensitivity: {tornado: {horizon_months: [0, 24]}}") } != nil)
    }

    @Test("unknown keys get a did-you-mean suggestion")
    func unknownKey() throws {
        let error = try #require(studyError { _ = try parse("sensitivity: {tornado: {decay_per_yr: [0, 0.5]}}") })
        guard case .unknownKey(let location, let key, let suggestion, _) = error else {
            Issue.record("expected unknownKey, got \(error)")
            return
        }
        #expect(location.keyPath == "sensitivity.tornado.decay_per_yr")
        #expect(key == "decay_per_yr")
        #expect(suggestion == "decay_per_year")
        let top = try #require(studyError { _ = try parse("sensitivity: {mbars: [0, 1]}") })
        #expect(top.description.contains("Did you mean 'mbar'?"))
        let word = try #require(studyError { _ = try parse("sensitivity: {tornado: {effect: intervall}}") })
        #expect(word.description.contains("Did you mean 'interval'?"))
    }

    @Test("bad values: rates outside [0, 1), shares above 1, costs above 100 %, one-ended ranges, M̄ grids")
    func badValues() throws {
        let cases: [(String, String)] = [
            ("sensitivity: {tornado: {decay_per_year: [0, 1]}}", "sensitivity.tornado.decay_per_year[1]"),
            ("sensitivity: {tornado: {discount_rate_per_year: [-0.1, 0.1]}}", "sensitivity.tornado.discount_rate_per_year[0]"),
            ("sensitivity: {tornado: {population_share: [0.8, 1.2]}}", "sensitivity.tornado.population_share[1]"),
            ("sensitivity: {tornado: {costs_plus_minus: 20}}", "sensitivity.tornado.costs_plus_minus"),
            ("sensitivity: {tornado: {value_per_unit: [0.3]}}", "sensitivity.tornado.value_per_unit"),
            ("sensitivity: {tornado: {}}", "sensitivity.tornado"),
            ("sensitivity: {mbar: [0, -1]}", "sensitivity.mbar[1]"),
            ("sensitivity: {mbar: [1, 0.5]}", "sensitivity.mbar[1]"),
            ("sensitivity: {mbar: []}", "sensitivity.mbar"),
        ]
        for (yaml, keyPath) in cases {
            let error = studyError { _ = try parse(yaml) }
            #expect(error?.location?.keyPath == keyPath, "\(yaml)")
        }
        let percent = try #require(studyError { _ = try parse("sensitivity: {tornado: {costs_plus_minus: 20}}") })
        #expect(percent.description.contains("Did you mean 0.2?"))
    }
}
