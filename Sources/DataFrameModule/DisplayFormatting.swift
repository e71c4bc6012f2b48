import Foundation

/// Number formatting for tables meant to be read, not parsed.
enum DisplayFormatting {
    /// A double in at most about ten characters: integral values without a fraction (`40000`),
    /// Swift's shortest round-trip text when it is short (`0.25`, `1234.5678`), and six
    /// significant digits otherwise (`40123.5`, `1.23457e-07`), as R's `print` and pandas do.
    static func number(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        if x == x.rounded(), abs(x) < 1e10 { return String(Int(x)) }
        let shortest = x.description
        if shortest.count <= 10 { return shortest }
        return String(format: "%.6g", x)
    }
}
