import DataFrameModule
import Foundation
import Inference
import LinearAlgebra
import Testing

@testable import Estimators

@Suite("Wild cluster bootstrap of a regression")
struct LinearRegressionWildBootstrapTests {
    /// 24 teams of 4 employees over 6 months; employees nested in teams; a true effect of x of 0.3.
    static func panel(seed: UInt64) throws -> DataFrame {
        var generator = SeededGenerator(seed: seed)
        var unit: [String] = [], team: [String] = [], month: [Int] = [], x: [Double] = [], y: [Double] = []
        for t in 0..<24 {
            let shock = generator.normal()
            for e in 0..<4 {
                let level = generator.normal() * 2
                for m in 0..<6 {
                    let xv = generator.normal() + 0.3 * shock
                    unit.append("E\(t)-\(e)")
                    team.append("T\(t)")
                    month.append(m)
                    x.append(xv)
                    y.append(level + 0.2 * Double(m) + 0.3 * xv + shock * 0.5 + generator.normal())
                }
            }
        }
        return try DataFrame(columns: [
            categoricalColumn("unit", unit), categoricalColumn("team", team), integerColumn("month", month),
            doubleColumn("x", x), doubleColumn("y", y),
        ])
    }

    @Test("with the fixed effect nested in the clusters, the FWL bootstrap equals the dummy-variable bootstrap")
    func nestedFixedEffectEqualsDummies() throws {
        let frame = try Self.panel(seed: 5)
        let absorbed = try LinearRegression.wildClusterBootstrap(
            "y ~ x | unit", data: frame, cluster: "team", coefficient: "x", weights: .webb, replicates: 499, seed: 8)
        let dummies = try LinearRegression.wildClusterBootstrap(
            "y ~ x + C(unit)", data: frame, cluster: "team", coefficient: "x", weights: .webb, replicates: 499, seed: 8)
        #expect(absorbed.pValue == dummies.pValue)
        #expect(abs(absorbed.estimate - dummies.estimate) < 1e-10)
        // Only the CR1 factor's k differs (1 column against 1 + 95 dummies + intercept), scaling every t alike.
        let n = 576.0
        let scale = ((n - 97) / (n - 1)).squareRoot()  // sqrt(c_FWL / c_dummy) = sqrt((N − k_dummy)/(N − k_FWL))
        for (a, b) in zip(absorbed.bootstrapT, dummies.bootstrapT) {
            #expect(abs(a * scale - b) <= 1e-8 * max(1, abs(b)))
        }
        #expect(absorbed.clusterCount == 24 && absorbed.replicates == 499 && !absorbed.fullEnumeration)
    }

    @Test("a real effect is detected and the label states the scheme")
    func detectsEffect() throws {
        let frame = try Self.panel(seed: 6)
        let result = try LinearRegression.wildClusterBootstrap(
            "y ~ x | unit + month", data: frame, cluster: "team", coefficient: "x", replicates: 999, seed: 1)
        #expect(result.pValue < 0.01)
        #expect(result.label == "WCR, Rademacher weights, 999 replicates, G = 24")
    }

    @Test("unknown coefficients and weighted models are typed errors")
    func errors() throws {
        let frame = try Self.panel(seed: 7)
        #expect(throws: WildBootstrapRegressionError.self) {
            try LinearRegression.wildClusterBootstrap("y ~ x", data: frame, cluster: "team", coefficient: "z", seed: 1)
        }
        #expect(throws: (any Error).self) {
            try LinearRegression.wildClusterBootstrap("y ~ x", data: frame, cluster: "nope", coefficient: "x", seed: 1)
        }
    }
}
