import Inference
import Testing

@Suite("ClusterSizeSummary: counts, coefficient of variation and the cautions behind the warning")
struct ClusterSizeSummaryTests {
    @Test("sizes, mean, population coefficient of variation, largest share")
    func statistics() throws {
        // Sizes 1, 2, 3, 6: mean 3, population variance (4 + 1 + 0 + 9)/4 = 3.5.
        let codes: [Int32] = [0, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3]
        let s = ClusterSizeSummary(try ClusterVariable(name: "team", codes: codes))
        #expect(s.variable == "team" && s.count == 4 && s.observations == 12)
        #expect(s.smallest == 1 && s.largest == 6 && s.meanSize == 3)
        #expect(abs(s.coefficientOfVariation - 3.5.squareRoot() / 3) < 1e-15)
        #expect(s.largestShare == 0.5)
        #expect(s.cautions.count == 2 && s.cautions[0].contains("only 4 clusters"))
        #expect(s.cautions[1].contains("largest cluster holds 50"))
    }

    @Test("many equal clusters need no caution; one dominant cluster or very unequal sizes do")
    func thresholds() {
        let equal = ClusterSizeSummary(variable: "g", sizes: [Int](repeating: 10, count: 40))
        #expect(!equal.needsCaution && equal.coefficientOfVariation == 0)
        // 40 clusters, one with 30 % of the rows.
        let dominant = ClusterSizeSummary(variable: "g", sizes: [Int](repeating: 7, count: 39) + [117])
        #expect(dominant.largestShare == 0.3)
        #expect(dominant.cautions.count == 2 && dominant.cautions[0].contains("largest cluster holds 30"))
        #expect(dominant.cautions[1].contains("coefficient of variation"))
        // 100 clusters: CV > 1 but every cluster below 20 % of the rows.
        let skewed = ClusterSizeSummary(variable: "g", sizes: [Int](repeating: 1, count: 90) + [Int](repeating: 60, count: 10))
        #expect(skewed.coefficientOfVariation > 1 && skewed.largestShare < 0.2)
        #expect(skewed.cautions.count == 1 && skewed.cautions[0].contains("very unequal"))
        let few = ClusterSizeSummary(variable: "g", sizes: [Int](repeating: 5, count: 29))
        #expect(few.cautions == ["only 29 clusters (fewer than 30)"])
    }
}
