import Testing

@testable import Reporting

@Suite("Number formatting")
struct NumberTextTests {
    @Test(
        "grouping, rounding and signs",
        arguments: [
            (1_234_567.891, 2, "1,234,567.89"), (999.5, 0, "1,000"), (-1_500.26, 1, "−1,500.3"), (0, 0, "0"),
            (-0.001, 2, "0.00"), (12, 0, "12"), (123_456, 0, "123,456"), (1e6, 0, "1,000,000"),
            (.infinity, 1, "∞"), (-.infinity, 0, "−∞"), (.nan, 2, "n/a"),
        ])
    func grouped(value: Double, decimals: Int, expected: String) {
        #expect(NumberText.grouped(value, decimals: decimals) == expected)
    }

    @Test("money, percent, level, statistic and p-value")
    func specialised() {
        #expect(NumberText.money(1_620_000.4) == "1,620,000")
        #expect(NumberText.money(12.5) == "12.50")
        #expect(NumberText.percent(462.5) == "462.5 %")
        #expect(NumberText.percent(.infinity) == "∞")
        #expect(NumberText.level(0.95) == "95 %")
        #expect(NumberText.level(0.975) == "97.5 %")
        #expect(NumberText.statistic(1_512.3456) == "1,512.3")
        #expect(NumberText.statistic(0.012345678) == "0.012346")
        #expect(NumberText.statistic(0) == "0")
        #expect(NumberText.statistic(0.25) == "0.25")
        #expect(NumberText.statistic(1_500) == "1,500")
        #expect(NumberText.pEquation(0.00001) == "p < 0.0001")
        #expect(NumberText.pEquation(0.5) == "p = 0.5000")
        #expect(NumberText.pValue(0.00001) == "< 0.0001")
        #expect(NumberText.pValue(0.04321) == "0.0432")
    }
}
