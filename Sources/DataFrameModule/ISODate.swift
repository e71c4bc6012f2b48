/// ISO 8601 calendar dates (`YYYY-MM-DD`) as days since 1970-01-01, proleptic Gregorian.
///
/// Conversion uses Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
/// (http://howardhinnant.github.io/date_algorithms.html), exact for every representable year.
public enum ISODate {
    /// Days since 1970-01-01 for a valid `YYYY-MM-DD` string; `nil` if the text is not a valid date.
    public static func parse(_ text: Substring) -> Int? {
        var text = text
        return text.withUTF8 { buffer in buffer.baseAddress.flatMap { parse($0, count: buffer.count) } }
    }

    /// Days since 1970-01-01 for `count` UTF-8 bytes spelling a valid `YYYY-MM-DD` date; `nil`
    /// otherwise. The allocation-free twin of `parse(_:)`, used by the CSV reader.
    static func parse(_ p: UnsafePointer<UInt8>, count: Int) -> Int? {
        guard count == 10, p[4] == ASCII.minus, p[7] == ASCII.minus else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for k in range {
                let d = p[k] &- ASCII.zero
                guard d < 10 else { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        guard (1...12).contains(m), d >= 1, d <= daysInMonth(year: y, month: m) else { return nil }
        return daysFromCivil(year: y, month: m, day: d)
    }

    /// `YYYY-MM-DD` for a day count since 1970-01-01.
    public static func format(daysSinceEpoch z: Int) -> String {
        let (y, m, d) = civilFromDays(z)
        func pad(_ v: Int, _ width: Int) -> String {
            let s = String(v)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
    }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    static func civilFromDays(_ days: Int) -> (Int, Int, Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
