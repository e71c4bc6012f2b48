import Foundation

/// Plain-text number formats shared by coefficient tables and model summaries.
///
/// Formatting only: nothing here computes a statistic (house style: presentation never computes).
public enum StatisticsText {
    /// A count with thousands separators (`14,388`); non-integers get two decimals (`28.50`).
    public static func count(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "-∞") }
        if x == x.rounded(), abs(x) < 1e15 { return count(Int(x)) }
        return String(format: "%.2f", x)
    }

    /// An integer with thousands separators.
    public static func count(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }

    /// An estimate or statistic with `significant` significant digits, switching to exponent form
    /// outside `[1e-4, 1e9)` (as R's `format` does for very small or large numbers).
    public static func number(_ x: Double, significant: Int = 6) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "Inf" : "-Inf") }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        if magnitude < 1e-4 || magnitude >= 1e9 { return String(format: "%.\(max(significant - 1, 1))e", x) }
        let integerDigits = max(Int(log10(magnitude).rounded(.down)) + 1, 1)
        let decimals = max(significant - integerDigits, 0)
        return String(format: "%.\(decimals)f", x)
    }

    /// A column of numbers with common decimals, so that they align on the decimal point (as R's
    /// `format` does for a column): the largest magnitude gets `significant` significant digits.
    /// A nonzero value that would print as zero, or a magnitude of 1e9 or more, uses exponent form;
    /// NaN prints as an empty string.
    public static func column(_ values: [Double], significant: Int = 5) -> [String] {
        let largest = values.filter(\.isFinite).map(abs).max() ?? 0
        let integerDigits = largest >= 1 ? Int(log10(largest).rounded(.down)) + 1 : 1
        let decimals = max(significant - integerDigits, 0)
        return values.map { x in
            if x.isNaN { return "" }
            if !x.isFinite { return x > 0 ? "Inf" : "-Inf" }
            let text = String(format: "%.\(decimals)f", x)
            let shownAsZero = x != 0 && abs(x) < 0.5 * pow(10, -Double(decimals))
            if shownAsZero || abs(x) >= 1e9 { return String(format: "%.\(max(significant - 1, 1))e", x) }
            return text
        }
    }

    /// A value as written by a person: integers without decimals (`13`), others in shortest
    /// round-trip form (`12.5`).
    public static func compact(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }

    /// A p-value: four decimals, exponent form below 1e-4, and `< 2.2e-16` below machine precision
    /// (R's `format.pval` convention).
    public static func pValue(_ p: Double) -> String {
        guard p.isFinite else { return "NaN" }
        if p < 2.2e-16 { return "< 2.2e-16" }
        if p < 1e-4 { return String(format: "%.2e", p) }
        return String(format: "%.4f", p)
    }

    /// Left- or right-aligned columns joined by two spaces (first column left, others right).
    public static func alignedTable(header: [String], rows: [[String]]) -> String {
        let all = [header] + rows
        let widths = header.indices.map { j in all.map { $0[j].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { j, cell in
                let pad = String(repeating: " ", count: widths[j] - cell.count)
                return j == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return all.map(line).joined(separator: "\n")
    }
}

func formatCount(_ x: Double) -> String { StatisticsText.count(x) }
func formatStatistic(_ x: Double) -> String { StatisticsText.number(x, significant: 5) }
func formatPValue(_ p: Double) -> String { StatisticsText.pValue(p) }
