import Foundation
import Testing

@testable import Distributions

@Suite("FDistribution")
struct FDistributionTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("f")) { testCase in
            let f = FDistribution(numeratorDegreesOfFreedom: testCase["dfn"], denominatorDegreesOfFreedom: testCase["dfd"])
            return ReferenceFixture.evaluate(testCase, on: f, density: f.density)
        }
    }
}
