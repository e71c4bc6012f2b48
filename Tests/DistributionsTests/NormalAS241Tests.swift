import Foundation
import Testing

@testable import Distributions

@Suite("Normal AS 241")
struct NormalAS241Tests {
    /// The polish step may move AS 241 by at most a few ulps: a larger move would mean a
    /// mistyped coefficient (each of the three rational approximations is exercised).
    @Test(
        "AS 241 alone is accurate to ~1e-15 in all three regions",
        arguments: [
            1e-300, 1e-100, 1e-20, 1e-12, 0.001, 0.02, 0.07, 0.075, 0.1, 0.3, 0.5 + 1e-9, 0.6, 0.924, 0.93, 0.999,
            1 - 1e-15,
        ])
    func rawAccuracy(p: Double) {
        expectClose(Normal.wichuraAS241(p), Normal.standardQuantile(p), 2e-15, "p = \(p)")
    }

    @Test("textbook values")
    func knownValues() {
        expectClose(Normal.wichuraAS241(0.975), 1.959_963_984_540_054, 1e-15)
        expectClose(Normal.wichuraAS241(0.995), 2.575_829_303_548_900_4, 1e-15)
        #expect(Normal.wichuraAS241(0.5) == 0)
        #expect(Normal.wichuraAS241(0.25) == -Normal.wichuraAS241(0.75))
    }
}
