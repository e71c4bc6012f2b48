import Testing

@testable import Reporting

@Suite("SVG time axes: periods stay numeric, day counts become ISO dates")
struct SVGAxisDatesTests {
    @Test("ISO dates of known day counts, leap days and dates before 1970 included")
    func isoDates() {
        #expect(SVGAxis.isoDate(days: 0) == "1970-01-01")
        #expect(SVGAxis.isoDate(days: 3650) == "1979-12-30")  // 1972 and 1976 are leap years
        #expect(SVGAxis.isoDate(days: 11_016) == "2000-02-29")
        #expect(SVGAxis.isoDate(days: 19_723) == "2024-01-01")
        #expect(SVGAxis.isoDate(days: -1) == "1969-12-31")
        for month in [-30, 0, 1, 23_999, 24_288, 24_289] {
            #expect(SVGAxis.monthIndex(days: SVGAxis.days(monthIndex: month)) == month)
            #expect(SVGAxis.civil(days: SVGAxis.days(monthIndex: month)).day == 1)
        }
    }

    @Test("the date rule: whole values ≥ 3650 are days; periods, years and fractions are not")
    func rule() {
        #expect(SVGAxis.looksLikeDays([19_723, 19_754, 19_783]))
        #expect(!SVGAxis.looksLikeDays(Array(1...60).map(Double.init)))
        #expect(!SVGAxis.looksLikeDays([2019, 2020, 2024]))
        #expect(!SVGAxis.looksLikeDays([19_723.5, 19_754]))
        #expect(!SVGAxis.looksLikeDays([]))
        #expect(SVGAxis.time(covering: [1, 60]).labels.allSatisfy { !$0.contains("-") })
        // Whole periods get whole ticks, where nice ticks would step by 0.5.
        #expect(SVGAxis.nice(covering: [1, 3], targetTicks: 6).labels.contains("1.5"))
        #expect(SVGAxis.time(covering: [1, 2, 3]).labels == ["1", "2", "3"])
    }

    @Test("a two-year monthly span gets month-start ticks every 6 months, labelled as dates")
    func monthlyTicks() {
        // 2023-01-01 … 2024-12-01, monthly.
        let days = (0..<24).map { Double(SVGAxis.days(monthIndex: 2023 * 12 + $0)) }
        let axis = SVGAxis.time(covering: days)
        #expect(axis.labels == ["2023-01-01", "2023-07-01", "2024-01-01", "2024-07-01", "2025-01-01"])
        #expect(axis.lower == days[0] && axis.upper >= days.last!)
        #expect(axis.ticks == axis.ticks.sorted())
    }

    @Test("a span of a few weeks uses day steps, still labelled as dates")
    func shortSpan() {
        let axis = SVGAxis.dates(coveringDays: [19_723, 19_740])
        // Nice 5-day steps from 19,720 (2023-12-29).
        #expect(axis.lower == 19_720 && axis.labels.first == "2023-12-29")
        #expect(axis.lower <= 19_723 && axis.upper >= 19_740)
        #expect(axis.labels.allSatisfy { $0.count == 10 })
    }
}
