import Foundation
import Testing

@testable import Distributions

@Suite("ChiSquared")
struct ChiSquaredTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("chi2")) { testCase in
            let chi = ChiSquared(degreesOfFreedom: testCase["df"])
            return ReferenceFixture.evaluate(testCase, on: chi, density: chi.density)
        }
    }
}
