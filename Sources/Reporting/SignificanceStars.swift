import Foundation

/// Significance stars: the symbol of the smallest threshold a p-value falls strictly below.
///
/// The default is the convention of fixest `etable`, Stata `esttab, star(* 0.10 ** 0.05 *** 0.01)`
/// and most economics journals: `*` p < 0.10, `**` p < 0.05, `***` p < 0.01. (modelsummary's
/// default adds `+` at 0.10 and shifts the others; pass other thresholds to match it.) The
/// comparison is strict (`p < 0.05`), as in those packages, so p = 0.05 gets one star only.
public struct SignificanceStars: Codable, Sendable, Equatable {
    /// One threshold and its symbol.
    public struct Threshold: Codable, Sendable, Equatable {
        /// The symbol printed after the estimate, e.g. `**`.
        public let symbol: String
        /// The p-value the estimate's p must be strictly below.
        public let pValue: Double

        /// A threshold from its parts; `pValue` must lie in (0, 1].
        public init(symbol: String, pValue: Double) {
            precondition(pValue > 0 && pValue <= 1, "A significance threshold lies in (0, 1]")
            precondition(!symbol.isEmpty, "A significance symbol is not empty")
            self.symbol = symbol
            self.pValue = pValue
        }

        /// Decodes a threshold, rejecting p-values outside (0, 1] and empty symbols.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            let symbol = try container.decode(String.self, forKey: .symbol)
            let pValue = try container.decode(Double.self, forKey: .pValue)
            guard pValue > 0 && pValue <= 1, !symbol.isEmpty else {
                throw DecodingError.dataCorruptedError(
                    forKey: .pValue, in: container,
                    debugDescription: "A significance threshold needs a symbol and a p-value in (0, 1].")
            }
            self.init(symbol: symbol, pValue: pValue)
        }

        private enum CodingKeys: String, CodingKey {
            case symbol, pValue
        }
    }

    /// Thresholds from the largest p-value to the smallest.
    public let thresholds: [Threshold]

    /// Stars with the given thresholds, sorted from the largest p-value to the smallest; the
    /// p-values must differ.
    public init(_ thresholds: [Threshold]) {
        let sorted = thresholds.sorted { $0.pValue > $1.pValue }
        precondition(
            zip(sorted, sorted.dropFirst()).allSatisfy { $0.pValue > $1.pValue },
            "Significance thresholds must have distinct p-values")
        self.thresholds = sorted
    }

    /// Decodes thresholds, which must be sorted from the largest p-value down and distinct.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let thresholds = try container.decode([Threshold].self, forKey: .thresholds)
        guard zip(thresholds, thresholds.dropFirst()).allSatisfy({ $0.pValue > $1.pValue }) else {
            throw DecodingError.dataCorruptedError(
                forKey: .thresholds, in: container,
                debugDescription: "Significance thresholds must be distinct and sorted from the largest p-value down.")
        }
        self.thresholds = thresholds
    }

    private enum CodingKeys: String, CodingKey {
        case thresholds
    }

    /// `*` p < 0.10, `**` p < 0.05, `***` p < 0.01 (fixest `etable`, Stata `esttab` with
    /// `star(* 0.10 ** 0.05 *** 0.01)`).
    public static let conventional = SignificanceStars([
        Threshold(symbol: "*", pValue: 0.10), Threshold(symbol: "**", pValue: 0.05),
        Threshold(symbol: "***", pValue: 0.01),
    ])

    /// No stars at all (a table of estimates and standard errors only).
    public static let none = SignificanceStars([])

    /// The symbol for `p`: that of the smallest threshold with `p < threshold`, or `""` when `p`
    /// is not below any threshold or is NaN (no test, e.g. a dropped coefficient).
    public func symbol(for p: Double) -> String {
        guard !p.isNaN else { return "" }
        return thresholds.last { p < $0.pValue }?.symbol ?? ""
    }

    /// The longest symbol's length in characters (for aligning numbers in text tables).
    public var widestSymbol: Int { thresholds.map(\.symbol.count).max() ?? 0 }

    /// `* p < 0.10, ** p < 0.05, *** p < 0.01`; empty without thresholds.
    public var legend: String {
        thresholds.map { "\($0.symbol) p < \(Self.thresholdText($0.pValue))" }.joined(separator: ", ")
    }

    /// A threshold as written in legends: two decimals when they are exact (`0.10`, `0.05`),
    /// otherwise the shortest form (`0.001`).
    static func thresholdText(_ p: Double) -> String {
        let hundredths = p * 100
        // 1e-9 absorbs the binary error of values such as 0.1 × 100.
        if abs(hundredths - hundredths.rounded()) < 1e-9 { return String(format: "%.2f", p) }
        return "\(p)"
    }
}
