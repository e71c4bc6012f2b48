import Testing

@testable import Distributions

@Suite("Reference fixture")
struct ReferenceFixtureTests {
    @Test("records its provenance")
    func provenance() {
        let fixture = ReferenceFixture.shared
        #expect(fixture.generatedBy == "scripts/reference/distributions.py")
        #expect(fixture.scipy.hasPrefix("1.17"))
        #expect(!fixture.mpmath.isEmpty)
        #expect(fixture.cases.count > 1500)
    }

    @Test("tolerance rule: relative above 1e-300, absolute below")
    func toleranceRule() {
        #expect(ReferenceFixture.matches(1 + 0.9e-12, 1))
        #expect(!ReferenceFixture.matches(1 + 1.1e-12, 1))
        #expect(ReferenceFixture.matches(5e-320, 1e-320))
        #expect(!ReferenceFixture.matches(2e-312, 0))
    }
}
