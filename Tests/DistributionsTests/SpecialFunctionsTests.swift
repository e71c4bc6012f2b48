import Foundation
import Testing

@testable import Distributions

@Suite("SpecialFunctions")
struct SpecialFunctionsTests {
    @Test("matches the reference grid to 1e-12 (datasets/reference/distributions.json)")
    func reference() {
        expectReferenceCases(ReferenceFixture.cases("special")) { testCase in
            switch testCase.fn {
            case "gammaln": return SpecialFunctions.logGamma(testCase.x)
            case "betainc": return SpecialFunctions.regularizedIncompleteBeta(testCase["a"], testCase["b"], testCase.x)
            case "gammainc": return SpecialFunctions.regularizedGammaP(testCase["a"], testCase.x)
            case "gammaincc": return SpecialFunctions.regularizedGammaQ(testCase["a"], testCase.x)
            default: preconditionFailure("unknown function in \(testCase)")
            }
        }
    }
}
