import DataFrameModule
import Estimators
import Testing

/// Building a `StaggeredPanel` from long data.
@Suite struct StaggeredPanelTests {
    @Test func wideLayoutFromUnsortedRows() throws {
        let panel = try StaggeredPanel(
            unit: ["b", "a", "a", "b"], time: [2, 2, 1, 1], cohort: [0, 2, 2, .nan], outcome: [4, 2, 1, 3])
        #expect(panel.unitIDs == ["b", "a"])
        #expect(panel.periods == [1, 2])
        #expect(panel.cohorts == [nil, 2])
        #expect(panel.outcome(unit: 0, period: 0) == 3 && panel.outcome(unit: 0, period: 1) == 4)
        #expect(panel.outcome(unit: 1, period: 0) == 1 && panel.outcome(unit: 1, period: 1) == 2)
        #expect(panel.treatedCohorts == [2])
    }

    @Test func fromDataFrame() throws {
        let frame = try DataFrame.readCSV(text: "id,t,g,y\n1,1,2,1.5\n1,2,2,2.5\n2,1,,0\n2,2,,1\n")
        let panel = try StaggeredPanel(data: frame, outcome: "y", unit: "id", time: "t", cohort: "g")
        #expect(panel.cohorts == [2, nil])
        #expect(panel.outcomes == [1.5, 2.5, 0, 1])
        #expect(throws: StaggeredPanelError.columnNotFound(name: "z")) {
            try StaggeredPanel(data: frame, outcome: "z", unit: "id", time: "t", cohort: "g")
        }
        let missing = try DataFrame.readCSV(text: "id,t,g,y\n1,1,2,\n1,2,2,2.5\n")
        #expect(throws: StaggeredPanelError.missingValues(column: "y", rows: 1)) {
            try StaggeredPanel(data: missing, outcome: "y", unit: "id", time: "t", cohort: "g")
        }
    }

    @Test func clustersMustContainWholeUnits() throws {
        let panel = try StaggeredPanel(
            unit: ["a", "a", "b", "b", "c", "c"], time: [1, 2, 1, 2, 1, 2], cohort: [2, 2, 0, 0, 0, 0],
            outcome: [1, 2, 3, 4, 5, 6], cluster: ["x", "x", "y", "y", "x", "x"], clusterName: "site")
        #expect(panel.clusterOfUnit == [0, 1, 0])
        #expect(panel.clusterCount == 2)
        #expect(throws: StaggeredPanelError.clusterNotConstant(unit: "a", cluster: "site")) {
            try StaggeredPanel(
                unit: ["a", "a"], time: [1, 2], cohort: [2, 2], outcome: [1, 2], cluster: ["x", "y"],
                clusterName: "site")
        }
    }

    @Test func tooFewPeriods() {
        #expect(throws: StaggeredPanelError.tooFewPeriods(count: 1)) {
            try StaggeredPanel(unit: ["a", "b"], time: [1, 1], cohort: [0, 0], outcome: [1, 2])
        }
    }
}
