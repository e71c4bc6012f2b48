/// Time axes for trend plots: numeric periods (month 1…60, year 2019…2024) or calendar dates stored
/// as days since 1970-01-01, labelled as ISO 8601 dates (`2024-03-01`).
///
/// The study report does not say whether its time column is a date, so the axis decides from the
/// values (see `looksLikeDays`). Day counts are converted to the proleptic Gregorian calendar with
/// the algorithms of H. Hinnant, "chrono-Compatible Low-Level Date Algorithms" (2013),
/// `civil_from_days` and `days_from_civil`, written out here from their description.
extension SVGAxis {
    /// Whether `values` read as days since 1970-01-01: every finite value is whole and ≥ 3650.
    ///
    /// 3650 days is 1979-12-30, about ten years after the epoch. Period indices (1…60) and calendar years (2019) are below it, so
    /// they stay numeric; a daily or monthly date column from 1980 on is above it. With no finite
    /// value the answer is no.
    public static func looksLikeDays(_ values: [Double]) -> Bool {
        let finite = values.filter(\.isFinite)
        return !finite.isEmpty && finite.allSatisfy { $0 >= 3650 && $0 == $0.rounded() }
    }

    /// A time axis: ISO-date ticks when the values look like day counts (`looksLikeDays`), else nice
    /// numeric ticks (`nice(covering:)`), whole-numbered when every value is whole (periods 1, 2, 3
    /// get no tick at 1.5, which would not be a period).
    public static func time(covering values: [Double], targetTicks: Int = 6) -> SVGAxis {
        if looksLikeDays(values) { return dates(coveringDays: values, targetTicks: targetTicks) }
        let axis = nice(covering: values, targetTicks: targetTicks)
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty, finite.allSatisfy({ $0 == $0.rounded() }), axis.ticks.contains(where: { $0 != $0.rounded() }) else {
            return axis
        }
        let ticks = stride(from: axis.lower.rounded(.down), through: axis.upper.rounded(.up), by: 1).map { $0 }
        return SVGAxis(lower: ticks.first!, upper: max(ticks.last!, ticks.first! + 1), ticks: ticks, labels: ticks.map { NumberText.grouped($0) })
    }

    /// A date axis over day counts with ticks on the first of a month, every 1, 2, 3, 6, 12, 24, 60
    /// or 120 months (the smallest step giving at most `targetTicks` intervals), the domain widened
    /// to whole steps as in the numeric axis. Spans under two months use nice day steps instead.
    public static func dates(coveringDays values: [Double], targetTicks: Int = 6) -> SVGAxis {
        precondition(targetTicks >= 2, "an axis needs at least two ticks")
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nice(covering: []) }
        let first = monthIndex(days: Int(low.rounded(.down)))
        let last = monthIndex(days: Int(high.rounded(.up)))
        guard last - first >= 2 else {
            let days = nice(covering: finite, targetTicks: targetTicks)
            return SVGAxis(
                lower: days.lower, upper: days.upper, ticks: days.ticks,
                labels: days.ticks.map { isoDate(days: Int($0.rounded())) })
        }
        let step = [1, 2, 3, 6, 12, 24, 60, 120].first { (last - first + $0 - 1) / $0 <= targetTicks } ?? 240
        // Floor division for month indices before 1970 keeps the ticks on multiples of the step.
        let start = Int((Double(first) / Double(step)).rounded(.down)) * step
        var ticks: [Double] = []
        var month = start
        while true {
            let day = Double(days(monthIndex: month))
            ticks.append(day)
            if day >= high { break }
            month += step
        }
        return SVGAxis(lower: ticks.first!, upper: ticks.last!, ticks: ticks, labels: ticks.map { isoDate(days: Int($0)) })
    }

    /// The ISO 8601 calendar date (`YYYY-MM-DD`) of `days` since 1970-01-01 (Hinnant's `civil_from_days`).
    public static func isoDate(days: Int) -> String {
        let (y, m, d) = civil(days: days)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let year = String(abs(y))
        return (y < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - year.count)) + year + "-\(two(m))-\(two(d))"
    }

    /// Year, month (1–12) and day (1–31) of `days` since 1970-01-01.
    static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        // Shift the epoch to 0000-03-01 so that the leap day ends a 400-year era's year.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153  // 0 = March … 11 = February
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Days since 1970-01-01 of the first day of month index `year × 12 + month − 1` (Hinnant's `days_from_civil`).
    static func days(monthIndex: Int) -> Int {
        let month = ((monthIndex % 12) + 12) % 12 + 1
        var year = (monthIndex - (month - 1)) / 12
        if month <= 2 { year -= 1 }
        let era = (year >= 0 ? year : year - 399) / 400
        let yearOfEra = year - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// Month index `year × 12 + month − 1` of `days` since 1970-01-01.
    static func monthIndex(days: Int) -> Int {
        let (y, m, _) = civil(days: days)
        return y * 12 + m - 1
    }
}
