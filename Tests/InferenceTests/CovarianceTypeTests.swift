import Inference
import Testing

@Suite("CovarianceType labels")
struct CovarianceTypeTests {
    @Test("labels used in summaries")
    func labels() {
        #expect(CovarianceType.classical.description == "Classical (iid)")
        #expect(CovarianceType.hc1.description == "HC1 (heteroskedasticity-robust)")
        #expect(CovarianceType.hc3.description == "HC3 (heteroskedasticity-robust)")
        #expect(CovarianceType.clustered(by: ["team_id"]).description == "Clustered (team_id), CR1")
        #expect(CovarianceType.clustered(by: ["a", "b"], correction: .none).description == "Clustered (a, b), CR0")
        #expect(CovarianceType.clustered(by: ["team_id"]).clusterVariables == ["team_id"])
        #expect(CovarianceType.hc2.needsLeverage && !CovarianceType.hc1.needsLeverage)
        #expect(CovarianceType.clustered(by: ["x"]) == .clustered(by: ["x"], correction: .stata))
    }
}
