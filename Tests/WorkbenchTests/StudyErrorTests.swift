import Foundation
import Testing

@testable import Workbench

/// Parses `yaml` expecting a `StudyError`, and returns it.
func studyError(_ yaml: String) throws -> StudyError {
    do {
        _ = try Study.parse(yaml: yaml, file: "s.yml", baseDirectory: "/")
    } catch let error as StudyError {
        return error
    }
    Issue.record("expected a StudyError")
    throw CancellationError()
}

/// `fullStudyYAML` with one substring replaced (the substring must occur).
func edited(_ old: String, _ new: String, in yaml: String = fullStudyYAML) -> String {
    precondition(yaml.contains(old), "test fixture does not contain \(old)")
    return yaml.replacingOccurrences(of: old, with: new)
}

@Suite("Study file errors")
struct StudyErrorTests {
    @Test("unknown key: location, suggestion and allowed keys")
    func unknownKeyWithSuggestion() throws {
        let error = try studyError(edited("  cluster: team_id", "  clustr: team_id"))
        guard case .unknownKey(let location, let key, let suggestion, let allowed) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(location == StudyLocation(file: "s.yml", keyPath: "panel.clustr", line: 6, column: 3))
        #expect(key == "clustr")
        #expect(suggestion == "cluster")
        #expect(allowed == ["unit", "time", "cluster", "time_unit"])
        #expect(
            error.description
                == "s.yml:6:3: panel.clustr: unknown key 'clustr'. Did you mean 'cluster'? Allowed keys here: unit, time, cluster, time_unit.")
    }

    @Test("unknown top-level key far from every known key has no suggestion")
    func unknownKeyWithoutSuggestion() throws {
        let error = try studyError(fullStudyYAML + "\nzzzzzzzzzz: 1\n")
        guard case .unknownKey(let location, "zzzzzzzzzz", nil, _) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(location.keyPath == "zzzzzzzzzz")
    }

    @Test("unknown key inside a cost item names the item's index")
    func unknownCostKey() throws {
        let error = try studyError(edited("      rate: 48", "      rates: 48"))
        guard case .unknownKey(let location, "rates", "rate", _) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(location.keyPath == "costs.indirect[0].rates")
    }

    @Test(
        "missing required keys name the full key path and what to write",
        arguments: [
            ("study: Sales training\n", "", "study"),
            ("data: data/panel.csv\n", "", "data"),
            ("outcome: sales\n", "", "outcome"),
            ("  unit: employee_id\n", "", "panel.unit"),
            ("  time: month\n", "", "panel.time"),
            ("  method: did2x2\n", "", "design.method"),
            ("  treated_group: trained_team\n", "", "design.treated_group"),
            ("  post: post\n", "", "design.post"),
            ("  value_per_unit: 0.3\n", "", "conversion.value_per_unit"),
            ("  unit: USD of sales\n", "", "conversion.unit"),
            ("      rate: 48\n", "", "costs.indirect[0].rate"),
            ("      hours: 4800\n", "", "costs.indirect[0].hours"),
            ("      amount: 1200\n", "", "costs.indirect[1].amount"),
            ("    - item: Facilitator\n      amount", "    - amount", "costs.direct[0].item"),
        ])
    func missingKey(remove: String, replacement: String, path: String) throws {
        let error = try studyError(edited(remove, replacement))
        guard case .missingKey(let location, let advice) = error else {
            Issue.record("got \(error) for \(path)")
            return
        }
        #expect(location.keyPath == path)
        #expect(location.file == "s.yml")
        #expect(!advice.isEmpty)
        #expect(error.description.contains("required key is missing"))
    }

    @Test("costs without any item is an error")
    func noCosts() throws {
        let yaml = edited("  direct: [{item: Fee, amount: 100}]", "  direct: []", in: minimalStudyYAML)
        guard case .missingKey(let location, let advice) = try studyError(yaml) else {
            Issue.record("expected missingKey")
            return
        }
        #expect(location.keyPath == "costs.direct")
        #expect(advice.contains("principle 10"))
    }

    @Test(
        "wrong types say what was expected and what was found",
        arguments: [
            ("  value_per_unit: 0.3", "  value_per_unit: lots", "conversion.value_per_unit", "a number", "the text 'lots'"),
            ("  horizon_months: 6", "  horizon_months: 6.5", "benefits.horizon_months", "a whole number", "the number 6.5"),
            ("  replicates: 199", "  replicates: [1, 2]", "bootstrap.replicates", "a whole number", "a list"),
            (
                "panel:\n  unit: employee_id\n  time: month\n  cluster: team_id", "panel: employee_id", "panel",
                "a mapping (key: value pairs)", "the text 'employee_id'"
            ),
            ("outcome: sales", "outcome: {name: sales}", "outcome", "text", "a mapping (key: value pairs)"),
            ("      amount: 45000", "      amount: '45000'", "costs.direct[0].amount", "a number", "the text '45000'"),
            ("  seed: 18446744073709551615", "  seed: true", "bootstrap.seed", "a whole number", "the yes/no value 'true'"),
        ])
    func wrongType(old: String, new: String, path: String, expected: String, found: String) throws {
        let error = try studyError(edited(old, new))
        guard case .wrongType(let location, let e, let f) = error else {
            Issue.record("got \(error) for \(path)")
            return
        }
        #expect(location.keyPath == path)
        #expect(e == expected)
        #expect(f == found)
    }

    @Test("a cost list that is not a list")
    func costListNotAList() throws {
        guard
            case .wrongType(let location, let expected, _) = try studyError(
                edited("  direct: [{item: Fee, amount: 100}]", "  direct: 100", in: minimalStudyYAML))
        else {
            Issue.record("expected wrongType")
            return
        }
        #expect(location.keyPath == "costs.direct")
        #expect(expected.hasPrefix("a list"))
    }

    @Test(
        "negative hours, rates and amounts are rejected with their key path",
        arguments: [
            ("      hours: 4800", "      hours: -4800", "costs.indirect[0].hours"),
            ("      rate: 48", "      rate: -48", "costs.indirect[0].rate"),
            ("      amount: 1200", "      amount: -1200", "costs.indirect[1].amount"),
            ("{item: Design, hours: 40, rate: 85}", "{item: Design, hours: 40, rate: -85}", "costs.development[0].rate"),
        ])
    func negativeCost(old: String, new: String, path: String) throws {
        let error = try studyError(edited(old, new))
        guard case .invalidValue(let location, _, let advice) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(location.keyPath == path)
        #expect(advice.contains("cannot be negative"))
        #expect(error.description.hasPrefix("s.yml:"))
    }

    @Test(
        "invalid values",
        arguments: [
            ("  level: 0.9", "  level: 95", "bootstrap.level", "Did you mean 0.95?"),
            ("  level: 0.9", "  level: 0", "bootstrap.level", "strictly between 0 and 1"),
            ("  replicates: 199", "  replicates: 0", "bootstrap.replicates", "positive number"),
            ("  seed: 18446744073709551615", "  seed: -3", "bootstrap.seed", "between 0 and"),
            ("  horizon_months: 6", "  horizon_months: 0", "benefits.horizon_months", "at least 1"),
            ("  population: 250", "  population: -5", "benefits.population", "at least 1"),
            ("  value_per_unit: 0.3", "  value_per_unit: 0", "conversion.value_per_unit", "every benefit 0"),
            ("  method: did2x2", "  method: did2x3", "design.method", "Did you mean 'did2x2'?"),
            ("  cluster: team_id", "  cluster: ''", "panel.cluster", "non-empty"),
        ])
    func invalidValue(old: String, new: String, path: String, adviceFragment: String) throws {
        let error = try studyError(edited(old, new))
        guard case .invalidValue(let location, _, let advice) = error else {
            Issue.record("got \(error) for \(path)")
            return
        }
        #expect(location.keyPath == path)
        #expect(advice.contains(adviceFragment))
    }

    @Test("a treatment_start that is neither a number nor a date")
    func badTreatmentStart() throws {
        let yaml = edited("treatment_start: 13", "treatment_start: January", in: minimalStudyYAML)
        guard case .invalidValue(let location, "'January'", _) = try studyError(yaml) else {
            Issue.record("expected invalidValue")
            return
        }
        #expect(location.keyPath == "design.treatment_start")
    }

    @Test("a treatment_start that is a list")
    func listTreatmentStart() throws {
        let yaml = edited("treatment_start: 13", "treatment_start: [13]", in: minimalStudyYAML)
        guard case .wrongType(let location, "a number or a date YYYY-MM-DD", "a list") = try studyError(yaml) else {
            Issue.record("expected wrongType")
            return
        }
        #expect(location.keyPath == "design.treatment_start")
    }

    @Test(
        "conflicting keys",
        arguments: [
            ("  post: post", "  post: post\n  treatment_start: 13", "design", ["post", "treatment_start"]),
            ("      amount: 1200", "      amount: 1200\n      hours: 3", "costs.indirect[1]", ["amount", "hours"]),
        ])
    func conflicting(old: String, new: String, path: String, keys: [String]) throws {
        let error = try studyError(edited(old, new))
        guard case .conflictingKeys(let location, let k, _) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(location.keyPath == path)
        #expect(k == keys)
    }

    @Test("malformed YAML reports line and column")
    func malformedYAML() throws {
        let error = try studyError("study: x\npanel:\n  unit: [a, b\n")
        guard case .malformedYAML(let file, let line, _, _) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(file == "s.yml")
        #expect(line != nil)
        #expect(error.description.contains("not valid YAML"))
    }

    @Test("duplicated keys are malformed YAML")
    func duplicatedKeys() throws {
        let error = try studyError("study: a\nstudy: b\n")
        guard case .malformedYAML(_, _, _, let problem) = error else {
            Issue.record("got \(error)")
            return
        }
        #expect(problem.contains("'study'"))
    }

    @Test("an empty document and a document that is not a mapping")
    func emptyAndScalarDocuments() throws {
        guard case .missingKey(let location, _) = try studyError("") else {
            Issue.record("expected missingKey")
            return
        }
        #expect(location.keyPath == "study")
        guard case .wrongType(let top, _, _) = try studyError("just text") else {
            Issue.record("expected wrongType")
            return
        }
        #expect(top.keyPath == "")
    }

    @Test("a missing study file")
    func missingFile() throws {
        #expect(throws: StudyError.fileNotReadable(path: "/no/such/study.yml", reason: "no such file")) {
            try Study.load(path: "/no/such/study.yml")
        }
    }
}
