import Inference
import Testing

@Suite("StatisticsText formats")
struct StatisticsTextTests {
    @Test("counts, numbers, p-values, compact values")
    func formats() {
        #expect(StatisticsText.count(14388) == "14,388")
        #expect(StatisticsText.count(-1_234_567) == "-1,234,567")
        #expect(StatisticsText.count(999) == "999")
        #expect(StatisticsText.count(28.5) == "28.50")
        #expect(StatisticsText.number(1646.6177) == "1646.62")
        #expect(StatisticsText.number(0.000012345) == "1.23450e-05")
        #expect(StatisticsText.pValue(1e-20) == "< 2.2e-16")
        #expect(StatisticsText.pValue(3.4e-6) == "3.40e-06")
        #expect(StatisticsText.pValue(0.04567) == "0.0457")
        #expect(StatisticsText.compact(13) == "13")
        #expect(StatisticsText.compact(12.5) == "12.5")
    }

    @Test("a column shares its decimals; tiny nonzero values switch to exponent form")
    func column() {
        #expect(
            StatisticsText.column([38600.0019, -109.58, 1646.6177], significant: 6) == ["38600.0", "-109.6", "1646.6"])
        #expect(StatisticsText.column([38600.0019, -109.58]) == ["38600", "-110"])
        #expect(StatisticsText.column([1.6842, 0.0133, .nan]) == ["1.6842", "0.0133", ""])
        #expect(StatisticsText.column([12345.0, 0.00001]) == ["12345", "1.0000e-05"])
    }

    @Test("aligned table: first column left, others right")
    func table() {
        let text = StatisticsText.alignedTable(header: ["", "b"], rows: [["long name", "1"], ["x", "22"]])
        #expect(text == "            b\nlong name   1\nx          22")
    }
}
