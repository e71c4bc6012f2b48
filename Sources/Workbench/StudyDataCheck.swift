import DataFrameModule

/// Checks a study against its data before estimation, so that problems point at the study key
/// that caused them (`panel.cluster: no column 'teamid' … Did you mean 'team_id'?`).
struct StudyDataCheck {
    let study: Study
    let data: DataFrame

    func check() throws {
        let outcome = try column(study.outcome, key: "outcome")
        guard outcome.type.isNumeric else {
            throw StudyError.unsuitableColumn(
                study.location(of: "outcome"), column: study.outcome, type: outcome.type.description,
                advice: "The outcome must be numeric (a KPI such as monthly sales); recode it in the data file.")
        }
        _ = try column(study.panel.unit, key: "panel.unit")
        let time = try column(study.panel.time, key: "panel.time")
        _ = try column(study.panel.cluster, key: "panel.cluster")
        try indicator(study.design.treatedGroup, key: "design.treated_group")
        switch study.design.period {
        case .indicator(let name):
            try indicator(name, key: "design.post")
        case .treatmentStart(let start):
            try checkTime(time, start: start)
        }
    }

    /// The column `name`, or `StudyError.unknownColumn` located at `key` with a suggestion.
    func column(_ name: String, key: String) throws -> Column {
        guard let column = data[name] else {
            throw StudyError.unknownColumn(
                study.location(of: key), column: name, suggestion: closestName(to: name, among: data.columnNames),
                dataFile: study.dataPathAsWritten)
        }
        return column
    }

    /// A 0/1 indicator must be numeric or boolean; whether its values are 0/1 is checked by the estimator.
    func indicator(_ name: String, key: String) throws {
        let c = try column(name, key: key)
        guard c.type.isNumeric else {
            throw StudyError.unsuitableColumn(
                study.location(of: key), column: name, type: c.type.description,
                advice: "Give a 0/1 (or true/false) column: 1 for the trained group or the post period.")
        }
    }

    /// A treatment start must be in the time column's unit: a date for date columns, a number otherwise.
    func checkTime(_ time: Column, start: Study.TimePoint) throws {
        let key = "design.treatment_start"
        switch (time.type, start) {
        case (.date, .date), (.integer, .number), (.double, .number):
            return
        case (.date, .number):
            throw StudyError.unsuitableColumn(
                study.location(of: key), column: time.name, type: "a date column",
                advice: "Give treatment_start as a date, e.g. 2025-01-01.")
        case (_, .date):
            throw StudyError.unsuitableColumn(
                study.location(of: key), column: time.name, type: time.type.description,
                advice: "Give treatment_start as a number on that column's scale, e.g. 13.")
        default:
            throw StudyError.unsuitableColumn(
                study.location(of: key), column: time.name, type: time.type.description,
                advice: "A treatment start needs a numeric or date time column; or mark the post period with 'post: <0/1 column>'.")
        }
    }
}
