import Foundation

/// Number formatting for reports: fixed decimals, thousands grouped with commas, and explicit
/// words for values that are not numbers.
///
/// Formatting is locale-independent on purpose (reports must read the same on every machine, and
/// tests compare text): the decimal mark is always `.` and the grouping mark `,`, as in the
/// reporting conventions of the ROI Institute's published case studies.
public enum NumberText {
    /// `x` with `decimals` digits after the point and grouped thousands: `1234567.891, 2` →
    /// `1,234,567.89`; `∞`/`−∞` for infinities and `n/a` for NaN.
    public static func grouped(_ x: Double, decimals: Int = 0) -> String {
        precondition(decimals >= 0 && decimals <= 17, "decimals must be in 0...17")
        if x.isNaN { return "n/a" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        let fixed = String(format: "%.\(decimals)f", x)
        var digits = Substring(fixed)
        var sign = ""
        if digits.hasPrefix("-") {
            digits = digits.dropFirst()
            // "-0.00" would read as a negative zero: print the value without a sign.
            sign = digits.allSatisfy { $0 == "0" || $0 == "." } ? "" : "−"
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let integer = Array(parts[0])
        var grouped = ""
        for (k, ch) in integer.enumerated() {
            if k > 0 && (integer.count - k) % 3 == 0 { grouped.append(",") }
            grouped.append(ch)
        }
        if parts.count > 1 { grouped += "." + parts[1] }
        return sign + grouped
    }

    /// A money amount: whole units when |x| ≥ 100, otherwise two decimals (`1,620,000`, `12.50`).
    public static func money(_ x: Double) -> String {
        grouped(x, decimals: x.isFinite && abs(x) < 100 ? 2 : 0)
    }

    /// A percentage with one decimal and a space before the sign (ISO 80000-1 style): `447.1 %`.
    public static func percent(_ x: Double) -> String {
        x.isFinite ? "\(grouped(x, decimals: 1)) %" : grouped(x)
    }

    /// A general statistic with `significant` significant digits (at least the units digit), grouped,
    /// trailing zeros after the point dropped: `1512.3456` → `1,512.3`; `0.012345678` → `0.012346`;
    /// `0.25` → `0.25`; `1500` → `1,500`.
    public static func statistic(_ x: Double, significant: Int = 5) -> String {
        guard x.isFinite, x != 0 else { return x == 0 ? "0" : grouped(x) }
        let magnitude = Int(floor(log10(abs(x))))
        let decimals = max(0, min(17, significant - 1 - magnitude))
        var text = grouped(x, decimals: decimals)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// A confidence level as a percentage without needless decimals: `0.95` → `95 %`, `0.975` → `97.5 %`.
    public static func level(_ level: Double) -> String {
        let percent = level * 100
        // Levels are usually whole percentages; 1e-9 absorbs the binary error of 0.95 × 100.
        let whole = abs(percent - percent.rounded()) < 1e-9
        return "\(grouped(percent, decimals: whole ? 0 : 1)) %"
    }

    /// A p-value as an equation for prose: `p = 0.0432` or `p < 0.0001`.
    public static func pEquation(_ p: Double) -> String {
        let text = pValue(p)
        return text.hasPrefix("<") ? "p \(text)" : "p = \(text)"
    }

    /// A p-value: `< 0.0001` below that threshold, otherwise four decimals.
    public static func pValue(_ p: Double) -> String {
        if p.isNaN { return "n/a" }
        return p < 0.0001 ? "< 0.0001" : String(format: "%.4f", p)
    }
}
