import Testing

@testable import DataFrameModule

@Suite struct DescriptiveStatisticsTests {
    @Test func quartilesOfASmallSampleByHand() {
        // Sorted 1 2 4 7 10; h = 4p: 25% at h = 1 (2), 50% at h = 2 (4), 75% at h = 3 (7).
        let sorted: [Double] = [1, 2, 4, 7, 10]
        #expect(DescriptiveStatistics.quantile(sorted: sorted, 0.25) == 2)
        #expect(DescriptiveStatistics.quantile(sorted: sorted, 0.5) == 4)
        #expect(DescriptiveStatistics.quantile(sorted: sorted, 0.75) == 7)
        // h = 4 · 0.1 = 0.4: 1 + 0.4 · (2 − 1).
        #expect(DescriptiveStatistics.quantile(sorted: sorted, 0.1) == 1.4)
        #expect(DescriptiveStatistics.quantile(sorted: sorted, 0) == 1)
        #expect(DescriptiveStatistics.quantile(sorted: sorted, 1) == 10)
        #expect(DescriptiveStatistics.quantile(sorted: [3], 0.75) == 3)
    }

    @Test func quantilesMatchNumpyBitForBit() {
        // Reference: numpy 2.4.6,
        //   k = np.arange(1001); v = ((k*7919) % 1009 - 504)/16.0 + (k % 13)*0.1
        //   np.quantile(v, [0.01, 0.1, 0.25, 0.333, 0.5, 0.9, 0.99]).tolist()
        // Every operation that makes v is one IEEE operation, so Swift builds the same doubles.
        let v: [Double] = (0..<1001).map { (k: Int) -> Double in
            let integer = Double((k * 7919) % 1009 - 504)
            return integer / 16.0 + Double(k % 13) * 0.1
        }
        let sorted = v.sorted()
        let p = [0.01, 0.1, 0.25, 0.333, 0.5, 0.9, 0.99]
        let expected = [-30.3, -24.625, -15.1375, -9.75, 0.725, 25.75, 31.5375]
        #expect(p.map { DescriptiveStatistics.quantile(sorted: sorted, $0) } == expected)
    }

    @Test func meanAndStandardDeviationByHand() {
        // 4 1 7 2 10: mean 24/5 = 4.8; squared deviations sum to 54.8, so s² = 54.8/4 = 13.7.
        let x: [Double] = [4, 1, 7, 2, 10]
        #expect(DescriptiveStatistics.mean(x) == 4.8)
        #expect(abs(DescriptiveStatistics.standardDeviation(x)! - 13.7.squareRoot()) < 1e-15)
        #expect(DescriptiveStatistics.standardDeviation([5]) == nil)
        #expect(DescriptiveStatistics.mean([]) == nil)
    }

    @Test func compensatedMeanSurvivesCancellation() {
        // Naive left-to-right summation returns 0 here; the exact mean is 2/4 = 0.5.
        let x: [Double] = [1e16, 1, 1, -1e16]
        #expect(DescriptiveStatistics.mean(x) == 0.5)
    }

    @Test func standardDeviationOfLargeOffsetData() {
        // Variance of 1e9 + {4, 7, 13, 16} equals that of {4, 7, 13, 16}: mean 10, s² = 90/3 = 30.
        let x: [Double] = [4, 7, 13, 16].map { 1e9 + $0 }
        #expect(abs(DescriptiveStatistics.standardDeviation(x)! - 30.0.squareRoot()) < 1e-12)
    }
}
