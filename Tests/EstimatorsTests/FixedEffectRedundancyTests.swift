import Inference
import ModelSpec
import Testing

@testable import Estimators

@Suite("Fixed-effect parameter counting")
struct FixedEffectRedundancyTests {
    private func factor(_ name: String, _ codes: [Int32]) -> FixedEffectFactor {
        let count = Int(codes.max()!) + 1
        return FixedEffectFactor(name: name, codes: codes, levels: (0..<count).map(String.init))
    }

    @Test func connectedComponentsOfTheLevelGraph() {
        // Workers 0–1 move between firms 0–1; worker 2 stays at firm 2; worker 3 at firms 2 and 3.
        let worker = factor("worker", [0, 0, 1, 1, 2, 3, 3])
        let firm = factor("firm", [0, 1, 1, 0, 2, 2, 3])
        #expect(FixedEffectRedundancy.connectedComponents(worker, firm) == 2)
        #expect(FixedEffectRedundancy.references([worker, firm], exact: true) == [0, 2])
        #expect(FixedEffectRedundancy.references([worker, firm], exact: false) == [0, 1])
        let third = factor("year", [0, 1, 0, 1, 0, 1, 0])
        #expect(FixedEffectRedundancy.references([worker, firm, third], exact: true) == [0, 2, 1])
        // A balanced panel is one component.
        let unit = factor("unit", [0, 0, 1, 1])
        let time = factor("time", [0, 1, 0, 1])
        #expect(FixedEffectRedundancy.connectedComponents(unit, time) == 1)
    }

    @Test func nestingInAClusterVariable() throws {
        let unit = factor("unit", [0, 0, 1, 1, 2, 2])
        let team = try ClusterVariable(name: "team", codes: [0, 0, 0, 0, 1, 1])
        let site = try ClusterVariable(name: "site", codes: [0, 1, 0, 0, 1, 1])
        #expect(FixedEffectRedundancy.isNested(unit, in: team))
        #expect(!FixedEffectRedundancy.isNested(unit, in: site))
    }

    @Test func parameterCountFollowsTheConvention() {
        // k = 2 slopes; unit 60 levels, month 12; unit nested, month not.
        let levels = [60, 12]
        let references = [0, 1]
        func count(_ nested: [Bool], _ convention: SmallSampleConvention) -> Int {
            FixedEffectRedundancy.parameterCount(
                slopes: 2, levels: levels, references: references, nested: nested, convention: convention)
        }
        let fixest = SmallSampleConvention.fixest
        #expect(count([false, false], fixest) == 73)
        // pyfixest fe2_ols CRV1:team: df_k = 14.
        #expect(count([true, false], fixest) == 14)
        #expect(count([true, true], fixest) == 3)
        #expect(count([true, false], SmallSampleConvention(fixedEffects: .full)) == 73)
        #expect(count([true, false], SmallSampleConvention(fixedEffects: .none)) == 2)
        // Exact counting: a nested factor's references become its size (fixest fixef.force_exact).
        #expect(count([true, false], SmallSampleConvention(exactRedundancy: true)) == 2 + 12 - 1)
        #expect(count([false, true], SmallSampleConvention(exactRedundancy: true)) == 2 + 60)
    }

    @Test func conventionsDescribeThemselves() {
        #expect(SmallSampleConvention.fixest == SmallSampleConvention.pyfixest)
        #expect(
            SmallSampleConvention.fixest.description
                == "adj, fixef.K = nested, cluster.adj, cluster.df = min, t.df = min, redundancy Q − 1")
        #expect(SmallSampleConvention.statsmodels.fixedEffects == .full)
        #expect(SmallSampleConvention.statsmodels.clusterCount == .conventional)
        #expect(SmallSampleConvention.reghdfe.exactRedundancy)
        let custom = SmallSampleConvention(
            adjustsForParameters: false, fixedEffects: .none, adjustsForClusters: false, clusterCount: .conventional,
            clusteredDegrees: .residual)
        #expect(
            custom.description
                == "no adj, fixef.K = none, no cluster.adj, cluster.df = conventional, t.df = conventional, redundancy Q − 1")
    }
}
