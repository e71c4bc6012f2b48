import DataFrameModule
import Testing

@testable import ModelSpec

@Suite("Design matrix: errors")
struct ModelSpecErrorTests {
    private func failure(_ text: String, _ options: DesignOptions = .init(), data: DataFrame? = nil) throws -> ModelSpecError? {
        let frame = try data ?? Fixtures.staff()
        do {
            let d = try DesignMatrix.build(try Formula.parse(text), data: frame, options: options)
            Issue.record("'\(text)' built \(d.columnNames)")
            return nil
        } catch let error as ModelSpecError {
            return error
        }
    }

    @Test func unknownVariablesSuggestTheClosestName() throws {
        #expect(try failure("y ~ x + regoin") == .unknownVariable(name: "regoin", suggestion: "region"))
        #expect(try failure("yy ~ x") == .unknownVariable(name: "yy", suggestion: "y"))
        #expect(try failure("y ~ x", DesignOptions(requiredColumns: ["teams"])) == .unknownVariable(name: "teams", suggestion: "team"))
        #expect(try failure("y ~ x", DesignOptions(weights: "weights")) == .unknownVariable(name: "weights", suggestion: nil))
        let message = try #require(try failure("y ~ x + regoin")).description
        #expect(message.contains("No column named 'regoin'") && message.contains("Did you mean 'region'?"))
    }

    @Test func outcomeAndWeightMustBeNumeric() throws {
        #expect(try failure("region ~ x") == .nonNumericOutcome(variable: "region", type: .categorical))
        #expect(try failure("start ~ x") == .nonNumericOutcome(variable: "start", type: .date))
        #expect(try failure("y ~ x", DesignOptions(weights: "team")) == .nonNumericWeight(variable: "team", type: .categorical))
    }

    @Test func unknownReferenceListsTheLevels() throws {
        let error = try failure("y ~ C(region, ref = \"Nort\")")
        #expect(error == .unknownReferenceLevel(variable: "region", level: "Nort", levels: ["East", "North", "South"]))
        #expect(error?.description.contains("'East', 'North', 'South'") == true)
        #expect(try failure("y ~ C(grade, ref = 12)") == .unknownReferenceLevel(variable: "grade", level: "12", levels: ["9", "10", "11"]))
        #expect(
            try failure("y ~ team", DesignOptions(referenceLevels: ["team": "z"]))
                == .unknownReferenceLevel(variable: "team", level: "z", levels: ["a", "b", "c"]))
    }

    @Test func unknownAbsorbedEffectIsNamed() throws {
        #expect(try failure("y ~ x | teams") == .unknownVariable(name: "teams", suggestion: "team"))
    }

    @Test func singleLevelCategoricalIsAnError() throws {
        let data = try DataFrame(columns: [
            Fixtures.doubles("y", [1, 2, nil]), Fixtures.strings("site", ["A", "A", "B"]),
        ])
        #expect(try failure("y ~ site", data: data) == .categoricalWithOneLevel(variable: "site", level: "A"))
    }

    @Test func everyMessageGivesAdvice() {
        let allMissing = DroppedRows(reason: .missingOutcome(variable: "y"), count: 3)
        let account = ObservationAccount(totalRows: 3, usedRows: 0, dropped: [allMissing])
        let errors: [ModelSpecError] = [
            .unknownVariable(name: "a", suggestion: nil), .nonNumericOutcome(variable: "a", type: .categorical),
            .nonNumericWeight(variable: "w", type: .date), .unknownReferenceLevel(variable: "a", level: "x", levels: ["p", "q"]),
            .noObservations(account: account), .weightsAllZero(variable: "w"), .negativeWeights(variable: "w", rows: 1),
            .categoricalWithOneLevel(variable: "a", level: "p"),
        ]
        for error in errors {
            // A problem sentence and an advice sentence.
            #expect(error.description.split(separator: ".").count >= 2, "\(error)")
        }
        #expect(ModelSpecError.noObservations(account: account).description.contains("N = 0 of 3 rows used"))
    }
}
