import Foundation
import Testing

@testable import Distributions

@Suite("Normal")
struct NormalTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("normal")) { testCase in
            let normal = Normal(mean: testCase["mean"], standardDeviation: testCase["sd"])
            return ReferenceFixture.evaluate(
                testCase, on: normal, density: normal.density, twoSided: normal.twoSidedPValue)
        }
    }
}
