import DataFrameModule
import Foundation
import Inference
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

/// A seeded cross-section from a binary model with known coefficients:
/// `P(y = 1) = F(−0.5 + 1.0 x1 − 0.8 x2 + 0.6·[g = b] − 0.4·[g = c] + 0.5 d)`, with `x2`
/// correlated with `x1`, a firm id (`clusters` firms) and positive weights `w`.
func binaryFrame(n: Int, clusters: Int, seed: UInt64, link: BinaryResponseLink = .logit) throws -> DataFrame {
    var rng = SeededGenerator(seed: seed)
    var x1 = [Double]()
    var x2 = [Double]()
    var g = [String?]()
    var d = [Int]()
    var y = [Double]()
    var firm = [Int]()
    var w = [Double]()
    for i in 0..<n {
        let a = rng.normal()
        let b = 0.5 * a + 0.8 * rng.normal()
        let level = ["a", "b", "c"][rng.integer(below: 3)]
        let dummy = rng.uniform() < 0.4 ? 1 : 0
        let eta = -0.5 + 1.0 * a - 0.8 * b + (level == "b" ? 0.6 : level == "c" ? -0.4 : 0) + 0.5 * Double(dummy)
        x1.append(a)
        x2.append(b)
        g.append(level)
        d.append(dummy)
        firm.append(i % clusters)
        w.append(0.5 + rng.uniform())
        y.append(rng.uniform() < link.probability(eta) ? 1 : 0)
    }
    return try DataFrame(columns: [
        doubleColumn("y", y), doubleColumn("x1", x1), doubleColumn("x2", x2), categoricalColumn("g", g),
        integerColumn("d", d), integerColumn("firm", firm), doubleColumn("w", w),
    ])
}

private func maxRelativeDifference(_ a: Matrix, _ b: Matrix) -> Double {
    zip(a.elements, b.elements).reduce(0) { max($0, abs($1.0 - $1.1) / max(abs($1.1), 1e-300)) }
}

@Suite("BinaryResponseModel: entry points, covariance swaps, known truth, optimality")
struct BinaryResponseModelTests {
    static let formula = "y ~ x1 + x2 + C(g) + d"
    static let truth: [String: Double] = [
        "Intercept": -0.5, "x1": 1.0, "x2": -0.8, "C(g)[T.b]": 0.6, "C(g)[T.c]": -0.4, "d": 0.5,
    ]

    @Test("formula + frame and design + cluster codes give the same fit (rtol 1e-12)", arguments: BinaryResponseLink.allCases)
    func entryPointsAgree(link: BinaryResponseLink) throws {
        let data = try binaryFrame(n: 500, clusters: 25, seed: 11, link: link)
        let viaFormula = try BinaryResponseModel.fit(
            Self.formula, data: data, link: link, covariance: .clustered(by: ["firm"]))
        let design = try DesignMatrix.build(
            Formula.parse(Self.formula), data: data, options: DesignOptions(requiredColumns: ["firm"]))
        guard case .integer(let ids, _) = data["firm"]!.values else { preconditionFailure("firm is integer") }
        let viaDesign = try BinaryResponseModel.fit(
            design: design, link: link, clusters: ["firm": design.rowIndices.map { Int32(ids[$0]) }],
            covariance: .clustered(by: ["firm"]))
        #expect(viaFormula.columnNames == viaDesign.columnNames)
        for j in viaFormula.coefficients.indices {
            #expect(abs(viaFormula.coefficients[j] - viaDesign.coefficients[j]) <= 1e-12 * abs(viaDesign.coefficients[j]))
        }
        #expect(maxRelativeDifference(viaFormula.covariance, viaDesign.covariance) < 1e-12)
        #expect(viaFormula.logLikelihood == viaDesign.logLikelihood)
        #expect(viaFormula.covarianceLabel == "Clustered (firm), G = 25, CR1")
        #expect(viaFormula.iterations == viaDesign.iterations)
    }

    @Test(
        "with(covariance:) equals a fresh fit with that covariance, for every supported type",
        arguments: [
            CovarianceType.classical, .hc0, .hc1, .hc2, .hc3, .clustered(by: ["firm"]),
            .clustered(by: ["firm", "g"]), .clustered(by: ["firm"], correction: .none),
        ])
    func swapEqualsRefit(type: CovarianceType) throws {
        let data = try binaryFrame(n: 400, clusters: 40, seed: 12)
        for weights in [nil, "w"] as [String?] {
            let base = try BinaryResponseModel.fit(Self.formula, data: data, weights: weights, covariance: .hc1)
            let swapped = try base.with(covariance: type)
            let fresh = try BinaryResponseModel.fit(Self.formula, data: data, weights: weights, covariance: type)
            #expect(maxRelativeDifference(swapped.covariance, fresh.covariance) < 1e-12)
            #expect(swapped.covarianceLabel == fresh.covarianceLabel)
            #expect(swapped.coefficients == base.coefficients)
            #expect(swapped.warnings == fresh.warnings)
            #expect(swapped.covarianceEstimate.degreesOfFreedom == .infinity)
        }
    }

    @Test("HC2/HC3 use the GLM hat values pᵢvᵢ xᵢᵀBxᵢ (R hatvalues.glm), computed independently")
    func leverageCovariances() throws {
        let data = try binaryFrame(n: 300, clusters: 10, seed: 13)
        let fit = try BinaryResponseModel.fit(Self.formula, data: data, covariance: .hc3)
        let c = fit.core.components
        let b = c.bread
        var meat = Matrix(rows: b.rows, columns: b.columns)
        for i in 0..<c.observationCount {
            let x = c.design.row(i)
            let w = c.weights![i]
            let h = w * zip(x, b.times(x)).reduce(0) { $0 + $1.0 * $1.1 }
            let score = w * c.residuals[i]
            for r in 0..<x.count {
                for s in 0..<x.count { meat[r, s] += score * score / ((1 - h) * (1 - h)) * x[r] * x[s] }
            }
        }
        let expected = Matrix.product(b, Matrix.product(meat, b))
        #expect(maxRelativeDifference(fit.covariance, expected) < 1e-10)
    }

    @Test(
        "recovers the known coefficients of a seeded simulation (within 4 SE and 0.1)",
        arguments: BinaryResponseLink.allCases)
    func recoversTruth(link: BinaryResponseLink) throws {
        let data = try binaryFrame(n: 20_000, clusters: 200, seed: 14, link: link)
        let fit = try BinaryResponseModel.fit(Self.formula, data: data, link: link, covariance: .hc1)
        #expect(fit.converged && fit.iterations <= 8)
        for (name, value) in Self.truth {
            let j = try #require(fit.columnNames.firstIndex(of: name))
            let gap = abs(fit.coefficients[j] - value)
            #expect(gap < 4 * fit.standardErrors[j] && gap < 0.1, "\(link) \(name): \(fit.coefficients[j]) vs \(value)")
        }
    }

    @Test("the estimate solves the score equations Σ pᵢ xᵢ ∂ℓᵢ/∂η = 0 (Newton to 1e-10, Fisher scoring to 1e-6)")
    func scoreIsZero() throws {
        let data = try binaryFrame(n: 600, clusters: 30, seed: 15, link: .probit)
        for information in [BinaryResponseOptions.Information.observed, .expected] {
            let options = BinaryResponseOptions(maxIterations: 100, tolerance: 1e-15, information: information)
            let fit = try BinaryResponseModel.fit(Self.formula, data: data, link: .probit, weights: "w", options: options)
            let design = try DesignMatrix.build(Formula.parse(Self.formula), data: data, options: DesignOptions(weights: "w"))
            var score = [Double](repeating: 0, count: design.x.columns)
            for i in 0..<design.x.rows {
                let u = BinaryResponseLink.probit.derivatives(fit.linearPredictor[i], y: design.y[i]).score
                for j in score.indices { score[j] += design.weights![i] * design.x[i, j] * u }
            }
            // A deviance rule bounds the squared gradient: Newton overshoots it by many digits, while
            // Fisher scoring (linear convergence for probit) stops with a gradient near √tolerance.
            let bound = information == .observed ? 1e-10 : 1e-6
            #expect(score.allSatisfy { abs($0) < bound }, "\(information): \(score)")
        }
    }

    @Test("from far-off starting values IRLS halves steps that raise the deviance and still reaches the MLE")
    func stepHalving() throws {
        let data = try binaryFrame(n: 400, clusters: 10, seed: 20)
        for link in BinaryResponseLink.allCases {
            let reference = try BinaryResponseModel.fit("y ~ x1 + x2", data: data, link: link)
            #expect(reference.stepHalvings == 0)
            let far = BinaryResponseOptions(maxIterations: 100, startingValues: [4, -25, 30])
            let fit = try BinaryResponseModel.fit("y ~ x1 + x2", data: data, link: link, options: far)
            #expect(fit.converged)
            for j in 0..<3 {
                #expect(abs(fit.coefficients[j] - reference.coefficients[j]) < 1e-9 * abs(reference.coefficients[j]))
            }
            // Logit weights F(1 − F) vanish on the badly predicted rows, so the first Newton step
            // overshoots; probit's observed weights λ(λ + η) stay near 1 there and need no halving.
            if link == .logit {
                #expect(fit.stepHalvings > 0 && fit.summary().contains("step halvings"))
            }
            // A warm start at the estimate (e.g. for bootstrap replicates) converges at once.
            let warm = try BinaryResponseModel.fit(
                "y ~ x1 + x2", data: data, link: link,
                options: BinaryResponseOptions(startingValues: reference.coefficients))
            #expect(warm.iterations <= 2 && warm.stepHalvings == 0)
        }
    }

    @Test("a boolean outcome fits exactly like its 0/1 coding")
    func booleanOutcome() throws {
        let data = try binaryFrame(n: 300, clusters: 10, seed: 16)
        let y = data["y"]!.numericValues()!
        let flagged = try data.adding(
            Column(name: "event", values: .bool(y.map { $0 == 1 }, missing: [Bool](repeating: false, count: y.count))))
        let numeric = try BinaryResponseModel.fit(Self.formula, data: data)
        let boolean = try BinaryResponseModel.fit("event ~ x1 + x2 + C(g) + d", data: flagged)
        #expect(numeric.coefficients == boolean.coefficients)
    }

    @Test("Wald tests are chi-square tests with z-based covariances; the LR test is against the constant-only model")
    func tests() throws {
        let data = try binaryFrame(n: 500, clusters: 25, seed: 17)
        let fit = try BinaryResponseModel.fit(Self.formula, data: data, covariance: .clustered(by: ["firm"]))
        let wald = try fit.waldTest(zero: ["C(g)[T.b]", "C(g)[T.c]"])
        let j = [fit.columnNames.firstIndex(of: "C(g)[T.b]")!, fit.columnNames.firstIndex(of: "C(g)[T.c]")!]
        let p = j.map { fit.keptColumns.firstIndex(of: $0)! }
        let v = Matrix(rowMajor: [
            [fit.covariance[p[0], p[0]], fit.covariance[p[0], p[1]]],
            [fit.covariance[p[1], p[0]], fit.covariance[p[1], p[1]]],
        ])
        let b = j.map { fit.coefficients[$0] }
        let det = v[0, 0] * v[1, 1] - v[0, 1] * v[1, 0]
        let manual = (b[0] * b[0] * v[1, 1] - 2 * b[0] * b[1] * v[0, 1] + b[1] * b[1] * v[0, 0]) / det
        #expect(abs(wald.chiSquare - manual) < 1e-10 * manual)
        #expect(abs(wald.fPValue - wald.chiSquarePValue) < 1e-12)
        #expect(wald.denominatorDegreesOfFreedom == .infinity)
        #expect(throws: EstimationError.self) { try fit.waldTest(zero: ["nope"]) }
        #expect(fit.likelihoodRatioDegreesOfFreedom == 5)
        #expect(abs(fit.likelihoodRatioStatistic - 2 * (fit.logLikelihood - fit.nullLogLikelihood)) < 1e-12)
        #expect(fit.likelihoodRatioPValue < 1e-6)
    }

    @Test("collinear columns are dropped, reported and ignored by predictions")
    func collinearColumn() throws {
        let data = try binaryFrame(n: 300, clusters: 10, seed: 18)
        let x1 = data["x1"]!.numericValues()!
        let x2 = data["x2"]!.numericValues()!
        let withSum = try data.adding(doubleColumn("x3", zip(x1, x2).map { $0 + $1 }))
        let fit = try BinaryResponseModel.fit("y ~ x1 + x2 + x3", data: withSum)
        let reduced = try BinaryResponseModel.fit("y ~ x1 + x2", data: withSum)
        #expect(fit.droppedColumns == ["x3"])
        #expect(fit.coefficient("x3")!.isNaN && fit.standardErrors[3].isNaN)
        #expect(fit.warnings.contains { $0.contains("x3 dropped") })
        for name in ["Intercept", "x1", "x2"] {
            #expect(abs(fit.coefficient(name)! - reduced.coefficient(name)!) < 1e-12)
        }
        let predicted = try fit.predictedProbabilities(data: withSum)
        #expect(zip(predicted, reduced.fittedProbabilities).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test("the summary states model, covariance, convergence, likelihoods, z statistics and warnings")
    func summaryText() throws {
        let data = try binaryFrame(n: 400, clusters: 12, seed: 19)
        let fit = try BinaryResponseModel.fit(
            Self.formula, data: data, link: .probit, covariance: .clustered(by: ["firm"]))
        let text = fit.summary()
        #expect(text.hasPrefix("Probit regression (binary outcome, maximum likelihood)"))
        #expect(text.contains("Covariance:   Clustered (firm), G = 12, CR1; z statistics (normal reference)"))
        #expect(text.contains("IRLS (Newton–Raphson, observed information), converged in \(fit.iterations) iterations"))
        #expect(text.contains("McFadden pseudo-R²") && text.contains("LR test:      χ²(5)"))
        #expect(text.contains("std. error") && text.contains("  z  "))
        #expect(text.contains("Only 12 clusters in 'firm'"))
        #expect(text.contains("N = 400 of 400 rows used"))
        #expect(try fit.with(covariance: .classical).summary().contains("Inverse observed information (model-based)"))
    }
}
