import Foundation
import LinearAlgebra
import Testing

/// Accuracy on designs with exactly known solutions, against statsmodels' QR path and R's lm.fit.
///
/// Reference: `datasets/reference/accuracy.json` (statsmodels 0.15 `OLS(y, X).fit(method="qr")`,
/// R 4.2.2 `lm.fit(X, y, tol = 1e-10)`, exact solutions by rational arithmetic), written by
/// `scripts/reference/accuracy_reference.py`; NIST StRD data in `datasets/reference/nist/`.
/// Accuracy is the log relative error (LRE) per coefficient against the exact least-squares
/// solution of the doubles as stored; the stated floor is 15 digits (of the 15.95 a double
/// carries) and, per coefficient, at least statsmodels' and R's LRE (capped at 15).
@Suite("Least-squares accuracy: NIST StRD and exact designs vs statsmodels and R")
struct LeastSquaresAccuracyTests {
    static let nistNames = [
        "Norris", "Pontius", "NoInt1", "NoInt2", "Filip", "Longley", "Wampler1", "Wampler2", "Wampler3",
        "Wampler4", "Wampler5",
    ]
    /// Digits every coefficient must reach with the default (automatic) refinement.
    static let statedDigits = 15.0

    /// Checks a solution against a fixture case: the stated floor and statsmodels/R per coefficient.
    func expectAtLeastReferenceAccuracy(_ coefficients: [Double], _ reference: AccuracyCase) {
        let ours = zip(coefficients, reference.exact).map { logRelativeError($0, $1) }
        #expect(ours.min()! >= Self.statedDigits, "\(reference.name): LRE \(ours)")
        for (j, lre) in ours.enumerated() {
            #expect(lre >= min(reference.statsmodels.lreVsExact.perCoefficient[j], 15), "\(reference.name) b\(j)")
            if let r = reference.rLmFit { #expect(lre >= min(r.lreVsExact.perCoefficient[j], 15), "\(reference.name) b\(j)") }
        }
    }

    @Test("NIST StRD: 15 digits on every dataset, at least statsmodels and R", arguments: nistNames)
    func nistDataset(name: String) throws {
        let file = try AccuracyFile.load()
        let reference = file.named("nist_\(name)")
        let (design, y) = try AccuracyDesigns.nistDesign(name)
        // Filip's x¹⁰ falls under R's default drop tolerance; 1e-10 fits the certified model.
        let fit = try leastSquares(design, y, relativeTolerance: 1e-10)
        #expect(fit.rank == design.columns)
        expectAtLeastReferenceAccuracy(fit.coefficients, reference)
        // Against NIST's certified values (15 digits, for the decimal data): as close as the double
        // data allow, i.e. as close as the exact solution of the doubles is.
        let certified = try #require(reference.certified)
        for j in certified.indices {
            let attainable = min(logRelativeError(reference.exact[j], certified[j]), 15)
            #expect(logRelativeError(fit.coefficients[j], certified[j]) >= attainable - 0.05, "\(name) b\(j)")
        }
        #expect(abs(fit.conditionNumber / reference.conditionNumber.unitColumns - 1) < 1e-6)
    }

    @Test func filipIsLimitedToEightCertifiedDigitsByItsDoubleDesign() throws {
        // Rounding the powers x^k to doubles moves the exact solution 1e-8 away from the certified
        // one: no double-precision solver can do better on this design, statsmodels reaches 7.6.
        let reference = try AccuracyFile.load().named("nist_Filip")
        let certified = try #require(reference.certified)
        let attainable = zip(reference.exact, certified).map { logRelativeError($0, $1) }.min()!
        #expect(attainable > 7.8 && attainable < 8.0)
        #expect(reference.statsmodels.lreVsExact.min < 8)
    }

    @Test func filipWithRsToleranceDropsX10AsLmDoes() throws {
        let file = try AccuracyFile.load()
        let rule = file.filipRRankRule
        let (design, y) = try AccuracyDesigns.nistDesign("Filip")
        let fit = try leastSquares(design, y)
        #expect(rule.rLmFit.rank == 10 && rule.rLmFit.droppedColumns == [10])
        #expect(fit.rank == 10 && fit.droppedColumns == [10] && fit.coefficients[10].isNaN)
        let ours = zip(fit.coefficients.prefix(10), rule.exactWithoutX10).map { logRelativeError($0, $1) }
        #expect(ours.min()! >= Self.statedDigits)
        for j in 0..<10 {
            #expect(ours[j] >= min(rule.rLmFit.lreVsExactWithoutX10.perCoefficient[j], 15))
            #expect(ours[j] >= min(rule.statsmodelsWithoutX10.perCoefficient[j], 15))
        }
    }

    @Test("Integer polynomials with an orthogonal residual: the integer coefficients exactly", arguments: [6, 8, 10])
    func integerPolynomial(degree: Int) throws {
        let reference = try AccuracyFile.load().named("integer_polynomial_degree\(degree)")
        let (design, y, beta) = AccuracyDesigns.integerPolynomial(degree: degree, withResidual: true)
        #expect(reference.exact == beta)
        let fit = try leastSquares(design, y, relativeTolerance: 1e-12)
        expectAtLeastReferenceAccuracy(fit.coefficients, reference)
        // The residual is the binomial pattern, exactly orthogonal to every column.
        let expected = AccuracyDesigns.binomialResidual(21)
        #expect(maxAbsDifference(fit.residuals, expected) <= 1e-9 * norm(expected))
    }

    @Test func integerPolynomialExactFit() throws {
        let reference = try AccuracyFile.load().named("integer_polynomial_degree10_exact_fit")
        let (design, y, beta) = AccuracyDesigns.integerPolynomial(degree: 10, withResidual: false)
        let fit = try leastSquares(design, y, relativeTolerance: 1e-12)
        #expect(reference.exact == beta)
        expectAtLeastReferenceAccuracy(fit.coefficients, reference)
    }

    @Test func nearCollinearColumnsAreDroppedByRsRuleAndSolvedWhenKept() throws {
        // x2 = x1 + 2⁻³⁰ z: its remainder after x1 is ~1e-9 of its norm, below lm's 1e-7.
        let reference = try AccuracyFile.load().named("near_collinear")
        let (design, y, beta) = AccuracyDesigns.nearCollinear()
        let dropped = try leastSquares(design, y)
        #expect(dropped.droppedColumns == [2] && dropped.rank == 2)
        let kept = try leastSquares(design, y, relativeTolerance: 1e-10)
        #expect(kept.rank == 3 && reference.rLmFit?.coefficients.allSatisfy { $0 != nil } == true)
        #expect(reference.exact == beta)
        // statsmodels and R lose every digit here (LRE < 0); refinement recovers all of them.
        #expect(reference.statsmodels.lreVsExact.min < 0)
        expectAtLeastReferenceAccuracy(kept.coefficients, reference)
        #expect(abs(kept.conditionNumber / reference.conditionNumber.unitColumns - 1) < 1e-6)
    }

    @Test("NIST certified standard deviations to about 16 − log₁₀ κ digits", arguments: nistNames)
    func nistStandardDeviations(name: String) throws {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/nist/certified.json")
        let meta = try JSONDecoder().decode(CertifiedFile.self, from: Data(contentsOf: url))
        let certified = try #require(meta.datasets.first { $0.name == name }).standardDeviations
        let (design, y) = try AccuracyDesigns.nistDesign(name)
        let fit = try leastSquares(design, y, relativeTolerance: 1e-10)
        let variance = fit.residualSumOfSquares / Double(design.rows - fit.rank)
        for j in 0..<fit.rank {
            let sd = (variance * fit.unscaledCovariance[j, j]).squareRoot()
            // The covariance comes from the triangle, so it carries κ·u relative error (Filip 7.6
            // digits, Longley 12.7); two digits of slack below 15.9 − log₁₀ κ.
            #expect(logRelativeError(sd, certified[j]) >= 13.9 - fit.digitsAtRisk, "\(name) sd\(j)")
        }
    }
}

/// The certified standard deviations in `datasets/reference/nist/certified.json`.
struct CertifiedFile: Decodable {
    struct Dataset: Decodable {
        let name: String
        let certifiedStandardDeviations: [String]
        var standardDeviations: [Double] { certifiedStandardDeviations.map { Double($0)! } }

        enum CodingKeys: String, CodingKey {
            case name
            case certifiedStandardDeviations = "certified_standard_deviations"
        }
    }

    let datasets: [Dataset]
}
