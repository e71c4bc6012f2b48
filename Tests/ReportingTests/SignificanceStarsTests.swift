import Foundation
import Testing

@testable import Reporting

@Suite("Significance stars")
struct SignificanceStarsTests {
    @Test(
        "conventional stars are strict: p < 0.01 ***, p < 0.05 **, p < 0.10 *",
        arguments: [
            (0.0, "***"), (0.0099, "***"), (0.01, "**"), (0.0499, "**"), (0.05, "*"), (0.0999, "*"), (0.1, ""),
            (0.5, ""), (1.0, ""), (Double.nan, ""),
        ])
    func conventional(p: Double, symbol: String) {
        #expect(SignificanceStars.conventional.symbol(for: p) == symbol)
        #expect(expectedStars(p) == symbol)
    }

    @Test("the legend names every threshold")
    func legend() {
        #expect(SignificanceStars.conventional.legend == "* p < 0.10, ** p < 0.05, *** p < 0.01")
        #expect(SignificanceStars.none.legend == "")
        #expect(SignificanceStars.none.symbol(for: 0) == "")
        let modelsummary = SignificanceStars([
            .init(symbol: "***", pValue: 0.001), .init(symbol: "+", pValue: 0.1), .init(symbol: "**", pValue: 0.01),
            .init(symbol: "*", pValue: 0.05),
        ])
        #expect(modelsummary.legend == "+ p < 0.10, * p < 0.05, ** p < 0.01, *** p < 0.001")
        #expect(modelsummary.symbol(for: 0.0005) == "***")
        #expect(modelsummary.symbol(for: 0.07) == "+")
        #expect(modelsummary.widestSymbol == 3)
    }

    @Test("decoding checks the thresholds")
    func decoding() throws {
        let text = try ReportJSON.text(SignificanceStars.conventional)
        #expect(try ReportJSON.decode(SignificanceStars.self, from: text) == .conventional)
        let unsorted = #"{"thresholds": [{"symbol": "**", "pValue": 0.05}, {"symbol": "*", "pValue": 0.1}]}"#
        #expect(throws: DecodingError.self) { try ReportJSON.decode(SignificanceStars.self, from: unsorted) }
        let outOfRange = #"{"thresholds": [{"symbol": "*", "pValue": 1.5}]}"#
        #expect(throws: DecodingError.self) { try ReportJSON.decode(SignificanceStars.self, from: outOfRange) }
        let noSymbol = #"{"thresholds": [{"symbol": "", "pValue": 0.1}]}"#
        #expect(throws: DecodingError.self) { try ReportJSON.decode(SignificanceStars.self, from: noSymbol) }
    }
}
