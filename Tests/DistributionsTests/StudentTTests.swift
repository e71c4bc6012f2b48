import Foundation
import Testing

@testable import Distributions

@Suite("StudentT")
struct StudentTTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("t")) { testCase in
            let t = StudentT(degreesOfFreedom: testCase["df"])
            return ReferenceFixture.evaluate(testCase, on: t, density: t.density, twoSided: t.twoSidedPValue)
        }
    }
}
