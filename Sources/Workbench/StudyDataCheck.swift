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
        let cluster = try column(study.panel.cluster, key: "panel.cluster")
        for spec in study.isolation {
            try check(spec, time: time)
        }
        if study.isolation.contains(where: { $0.method != .participantEstimates }) {
            try checkClusters(cluster)
        }
    }

    /// The columns one isolation method names.
    func check(_ spec: Study.IsolationSpec, time: Column) throws {
        let at = { (key: String) in "\(spec.keyPath).\(key)" }
        switch spec.detail {
        case .did2x2(let design):
            try indicator(design.treatedGroup, key: at("treated_group"))
            switch design.period {
            case .indicator(let name): try indicator(name, key: at("post"))
            case .treatmentStart(let start): try checkTime(time, start: start, key: at("treatment_start"))
            }
        case .twfe(let treatment):
            try indicator(treatment, key: at("treatment"))
        case .callawaySantAnna(let timing, _, _):
            switch timing {
            case .cohort(let c): _ = try column(c, key: at("cohort"))
            case .treatment(let t): try indicator(t, key: at("treatment"))
            }
        case .sunAbraham(let cohort), .imputation(let cohort, _):
            _ = try column(cohort, key: at("cohort"))
        case .controlGroup(let treated, let covariates, _):
            try indicator(treated, key: at("treated"))
            for (i, name) in covariates.enumerated() { _ = try column(name, key: at("covariates[\(i)]")) }
        case .interruptedTimeSeries(let group, let interruption):
            if let group { try indicator(group, key: at("treated_group")) }
            try checkTime(time, start: interruption, key: at("interruption"))
        case .participantEstimates:
            return  // the survey file is read and checked by the runner
        }
    }

    /// The cluster bootstrap and cluster-robust errors need at least two clusters (Cameron & Miller 2015).
    func checkClusters(_ cluster: Column) throws {
        var seen = Set<String>()
        for i in 0..<cluster.count where !cluster.isMissing(i) {
            seen.insert(cluster.text(at: i))
            if seen.count >= 2 { return }
        }
        throw StudyError.invalidValue(
            study.location(of: "panel.cluster"), value: "'\(study.panel.cluster)' with \(seen.count) cluster(s)",
            advice: "The cluster bootstrap resamples clusters and needs at least 2 (30 or more for reliable intervals); "
                + "cluster by a finer column, e.g. the unit.")
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
    func checkTime(_ time: Column, start: Study.TimePoint, key: String) throws {
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
