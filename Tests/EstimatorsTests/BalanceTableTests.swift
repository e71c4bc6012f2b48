import Testing

@testable import Estimators

@Suite("Balance table flags")
struct BalanceTableTests {
    func row(smd: Double, ratio: Double) -> BalanceTable.Row {
        BalanceTable.Row(variable: "x", treatedMean: 0, controlMean: 0, standardizedMeanDifference: smd, varianceRatio: ratio)
    }

    @Test func thresholdsFollowTheConventionalRules() {
        #expect(!row(smd: 0.1, ratio: 1).isMeanImbalanced)
        #expect(row(smd: 0.1001, ratio: 1).isMeanImbalanced)
        #expect(row(smd: -0.2, ratio: 1).isMeanImbalanced)
        #expect(!row(smd: 0, ratio: 0.5).isVarianceImbalanced)
        #expect(!row(smd: 0, ratio: 2).isVarianceImbalanced)
        #expect(row(smd: 0, ratio: 0.49).isVarianceImbalanced)
        #expect(row(smd: 0, ratio: 2.01).isVarianceImbalanced)
        #expect(row(smd: 0, ratio: .nan).isVarianceImbalanced)
    }

    @Test func unitWeightsGiveTheUsualMeanAndSampleVariance() {
        let (mean, variance) = ControlGroupComparison.weightedMoments([1, 2, 3, 10], [1, 1, 1, 1], [0, 1, 2])
        #expect(mean == 2)
        #expect(variance == 1)
        // Frequency-like weights 2, 1 on {1, 4}: mean 2; cobalt's unbiased form Σw(x−m)²·Σw/((Σw)²−Σw²) = 6·3/4.
        let weighted = ControlGroupComparison.weightedMoments([1, 4], [2, 1], [0, 1])
        #expect(weighted.mean == 2)
        #expect(abs(weighted.variance - 4.5) < 1e-15)
    }
}
