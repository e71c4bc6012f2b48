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

    @Test("CR2/CR3 shorthands, the CR1 alias, and their labels")
    func fewClusterEstimators() {
        #expect(CovarianceType.cr2(by: "firm") == .clustered(by: ["firm"], correction: .cr2))
        #expect(CovarianceType.cr3(by: "firm") == .clustered(by: ["firm"], correction: .cr3))
        #expect(CovarianceType.cr2(by: "firm").description == "Clustered (firm), CR2 (Bell–McCaffrey)")
        #expect(CovarianceType.cr3(by: "firm").description == "Clustered (firm), CR3 (cluster jackknife)")
        #expect(SmallSampleCorrection.cr1 == .stata)
        #expect(SmallSampleCorrection.cr2.adjustsResiduals && SmallSampleCorrection.cr3.adjustsResiduals)
        #expect(!SmallSampleCorrection.stata.adjustsResiduals && !SmallSampleCorrection.none.adjustsResiduals)
        #expect(SmallSampleCorrection.cr2.description.contains("(I − H_gg)^(−1/2)"))
    }
}
