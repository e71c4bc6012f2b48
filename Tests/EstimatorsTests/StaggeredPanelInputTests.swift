import DataFrameModule
import Estimators
import Testing

/// Imperfect panel input: gaps, dates, treatment indicators.
@Suite struct StaggeredPanelInputTests {
    /// Unit "b" misses period 2, unit "d" misses period 3.
    let gappy = (
        unit: ["a", "a", "a", "b", "b", "c", "c", "c", "d", "d", "e", "e", "e"],
        time: [1.0, 2, 3, 1, 3, 1, 2, 3, 1, 2, 1, 2, 3],
        cohort: [2.0, 2, 2, 2, 2, 0, 0, 0, 0, 0, 0, 0, 0],
        outcome: [1.0, 3, 4, 2, 5, 1, 2, 2, 0, 1, 2, 2, 3]
    )

    @Test func gapsAreAnErrorThatSaysHowToOptIn() {
        #expect {
            try StaggeredPanel(unit: gappy.unit, time: gappy.time, cohort: gappy.cohort, outcome: gappy.outcome)
        } throws: { error in
            guard let e = error as? StaggeredPanelError, case .unbalancedPanel = e else { return false }
            return e.description.contains("unit 'b' has no row in period 2.0")
                && e.description.contains(".keepCompleteUnits")
        }
    }

    @Test func keepingCompleteUnitsDropsAndReportsTheOthers() throws {
        let panel = try StaggeredPanel(
            unit: gappy.unit, time: gappy.time, cohort: gappy.cohort, outcome: gappy.outcome,
            options: .init(balance: .keepCompleteUnits))
        #expect(panel.unitIDs == ["a", "c", "e"])
        #expect(panel.inputReport.incompleteUnitsDropped == ["b", "d"])
        #expect(panel.outcomes == [1, 3, 4, 1, 2, 2, 2, 2, 3])
        let result = try CallawaySantAnna.estimate(panel)
        #expect(result.inputReport.incompleteUnitsDropped.count == 2)
        #expect(result.summary.contains("2 unit(s) not observed in every period were dropped"))
        // A balanced panel is untouched by the option.
        let balanced = try StaggeredPanel(
            unit: ["a", "a", "b", "b"], time: [1, 2, 1, 2], cohort: [2, 2, 0, 0], outcome: [1, 2, 3, 4],
            options: .init(balance: .keepCompleteUnits))
        #expect(balanced.inputReport == PanelInputReport() && balanced.unitCount == 2)
        // Duplicate rows stay an error, and a panel where no unit is complete is refused.
        #expect(throws: StaggeredPanelError.self) {
            try StaggeredPanel(
                unit: ["a", "a", "a"], time: [1, 2, 2], cohort: [2, 2, 2], outcome: [1, 2, 3],
                options: .init(balance: .keepCompleteUnits))
        }
        #expect(throws: StaggeredPanelError.noCompleteUnits(units: 2, periods: 2)) {
            try StaggeredPanel(
                unit: ["a", "b"], time: [1, 2], cohort: [2, 0], outcome: [1, 2], options: .init(balance: .keepCompleteUnits))
        }
    }

    @Test func keepingCompleteUnitsFromADataFrame() throws {
        let frame = try DataFrame.readCSV(text: "id,t,g,y\n1,1,2,1\n1,2,2,3\n2,1,0,1\n2,2,0,2\n3,1,0,5\n")
        let panel = try StaggeredPanel(
            data: frame, outcome: "y", unit: "id", time: "t", cohort: "g", options: .init(balance: .keepCompleteUnits))
        #expect(panel.unitIDs == ["1", "2"] && panel.inputReport.incompleteUnitsDropped == ["3"])
    }

    /// Monthly dates become periods 1…4; a mid-month cohort date maps to the next period date.
    let dated = """
        id,month,start,y
        a,2024-01-01,2024-02-15,1
        a,2024-02-01,2024-02-15,2
        a,2024-03-01,2024-02-15,5
        a,2024-04-01,2024-02-15,6
        b,2024-01-01,2024-03-01,1
        b,2024-02-01,2024-03-01,2
        b,2024-03-01,2024-03-01,4
        b,2024-04-01,2024-03-01,6
        c,2024-01-01,2025-01-01,1
        c,2024-02-01,2025-01-01,2
        c,2024-03-01,2025-01-01,3
        c,2024-04-01,2025-01-01,4
        d,2024-01-01,,0
        d,2024-02-01,,2
        d,2024-03-01,,3
        d,2024-04-01,,3
        """

    @Test func datesBecomeOrderedPeriods() throws {
        let frame = try DataFrame.readCSV(text: dated)
        let panel = try StaggeredPanel(data: frame, outcome: "y", unit: "id", time: "month", cohort: "start")
        #expect(panel.periods == [1, 2, 3, 4])
        #expect(panel.inputReport.periodDates == ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"])
        // 2024-02-15 → period 3 (2024-03-01); 2024-03-01 is on the grid; 2025-01-01 is after the window.
        #expect(panel.cohorts == [3, 3, 5, nil])
        #expect(
            panel.inputReport.cohortDateMappings == [
                .init(cohortDate: "2024-02-15", period: 3, units: 1), .init(cohortDate: "2025-01-01", period: 5, units: 1),
            ])
        let result = try CallawaySantAnna.estimate(panel)
        #expect(result.inputReport.unitsTreatedAfterWindow == ["c"])
        #expect(result.treatedCohortsForTest == [3])
        #expect(result.summary.contains("Cohort date 2024-02-15 (1 unit(s)) mapped to period 3 (2024-03-01)"))
        #expect(result.summary.contains("Dates mapped to periods 1…4 (2024-01-01 … 2024-04-01)"))
    }

    @Test func numericCohortWithDateTimeIsRefused() throws {
        let frame = try DataFrame.readCSV(text: "id,month,g,y\na,2024-01-01,2,1\na,2024-02-01,2,2\n")
        #expect(throws: StaggeredPanelError.cohortNotDate(column: "g", time: "month")) {
            try StaggeredPanel(data: frame, outcome: "y", unit: "id", time: "month", cohort: "g")
        }
        // Only never-treated codes (0 / missing) are fine on a date axis.
        let never = try DataFrame.readCSV(text: "id,month,g,y\na,2024-01-01,0,1\na,2024-02-01,0,2\n")
        let panel = try StaggeredPanel(data: never, outcome: "y", unit: "id", time: "month", cohort: "g")
        #expect(panel.cohorts == [nil])
    }

    @Test func indicatorGivesTheFirstTreatedPeriod() throws {
        let frame = try DataFrame.readCSV(
            text: "id,t,d,y\na,3,1,5\na,1,0,1\na,2,1,3\nb,1,0,1\nb,2,0,2\nb,3,1,4\nc,1,0,0\nc,2,0,1\nc,3,0,1\n")
        let panel = try StaggeredPanel(data: frame, outcome: "y", unit: "id", time: "t", treatment: .indicator("d"))
        #expect(panel.cohorts == [2, 3, nil])
        let byCohort = try DataFrame.readCSV(
            text: "id,t,g,y\na,3,2,5\na,1,2,1\na,2,2,3\nb,1,3,1\nb,2,3,2\nb,3,3,4\nc,1,0,0\nc,2,0,1\nc,3,0,1\n")
        let same = try StaggeredPanel(data: byCohort, outcome: "y", unit: "id", time: "t", cohort: "g")
        #expect(panel == same)
    }

    @Test func treatmentThatSwitchesOffIsNamed() throws {
        let frame = try DataFrame.readCSV(text: "id,t,d,y\na,1,0,1\na,2,1,2\na,3,0,3\nb,1,0,1\nb,2,0,1\nb,3,0,1\n")
        #expect(throws: StaggeredPanelError.treatmentSwitchesOff(unit: "a", treatedPeriod: "2", untreatedPeriod: "3")) {
            try StaggeredPanel(data: frame, outcome: "y", unit: "id", time: "t", treatment: .indicator("d"))
        }
        let dates = try DataFrame.readCSV(
            text: "id,day,d,y\na,2024-01-01,1,1\na,2024-01-08,0,2\nb,2024-01-01,0,1\nb,2024-01-08,0,1\n")
        #expect {
            try StaggeredPanel(data: dates, outcome: "y", unit: "id", time: "day", treatment: .indicator("d"))
        } throws: { error in
            (error as? StaggeredPanelError)
                == .treatmentSwitchesOff(unit: "a", treatedPeriod: "2024-01-01", untreatedPeriod: "2024-01-08")
                && "\(error)".contains("Unit 'a' is treated in period 2024-01-01")
        }
        let notBinary = try DataFrame.readCSV(text: "id,t,d,y\na,1,0,1\na,2,2,2\n")
        #expect(throws: StaggeredPanelError.indicatorNotBinary(column: "d", value: 2)) {
            try StaggeredPanel(data: notBinary, outcome: "y", unit: "id", time: "t", treatment: .indicator("d"))
        }
    }
}

extension CallawaySantAnnaResult {
    /// The treated cohorts the estimate used.
    var treatedCohortsForTest: [Double] { Array(Set(unitCohorts.compactMap { $0 })).sorted() }
}
