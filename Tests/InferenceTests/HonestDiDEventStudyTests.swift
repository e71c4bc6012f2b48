import Foundation
import Inference
import LinearAlgebra
import Testing

@Suite("HonestDiD event-study input checks")
struct HonestDiDEventStudyTests {
    let identity3 = Matrix(rowMajor: [[1, 0, 0], [0, 1, 0], [0, 0, 1]])

    @Test func dimensionMismatch() {
        #expect(throws: HonestDiDError.dimensionMismatch(coefficients: 3, covarianceRows: 3, covarianceColumns: 3, prePeriods: 2, postPeriods: 2)) {
            try HonestDiDEventStudy(estimates: [1, 2, 3], covariance: identity3, prePeriods: 2, postPeriods: 2)
        }
        #expect(throws: HonestDiDError.self) {
            try HonestDiDEventStudy(estimates: [1, 2], covariance: identity3, prePeriods: 1, postPeriods: 1)
        }
    }

    @Test func needsPreAndPostPeriods() {
        #expect(throws: HonestDiDError.noPrePeriods) {
            try HonestDiDEventStudy(estimates: [1, 2, 3], covariance: identity3, prePeriods: 0, postPeriods: 3)
        }
        #expect(throws: HonestDiDError.noPostPeriods) {
            try HonestDiDEventStudy(estimates: [1, 2, 3], covariance: identity3, prePeriods: 3, postPeriods: 0)
        }
    }

    @Test func rejectsNonPSDAndAsymmetricCovariances() throws {
        // Eigenvalues 3 and −1.
        let indefinite = Matrix(rowMajor: [[1, 2], [2, 1]])
        let error = try #require(throws: HonestDiDError.self) {
            try HonestDiDEventStudy(estimates: [0, 1], covariance: indefinite, prePeriods: 1, postPeriods: 1)
        }
        guard case .covarianceNotPositiveSemidefinite(let smallest) = error else {
            Issue.record("unexpected \(error)")
            return
        }
        #expect(abs(smallest + 1) < 1e-12)
        #expect(error.description.contains("positive semidefinite"))
        #expect(throws: HonestDiDError.covarianceNotSymmetric(largestAsymmetry: 0.5)) {
            try HonestDiDEventStudy(estimates: [0, 1], covariance: Matrix(rowMajor: [[1, 0.5], [0, 1]]), prePeriods: 1, postPeriods: 1)
        }
        #expect(throws: HonestDiDError.nonFinite) {
            try HonestDiDEventStudy(estimates: [.nan, 1], covariance: Matrix(rowMajor: [[1, 0], [0, 1]]), prePeriods: 1, postPeriods: 1)
        }
    }

    @Test func zeroVarianceIsRejected() {
        #expect(throws: HonestDiDError.zeroVariance(coefficient: 1)) {
            try HonestDiDEventStudy(estimates: [0, 1], covariance: Matrix(rowMajor: [[1, 0], [0, 0]]), prePeriods: 1, postPeriods: 1)
        }
    }

    @Test func singularCovarianceIsAccepted() throws {
        // Rank 1 (perfectly correlated coefficients) is positive semidefinite.
        let study = try HonestDiDEventStudy(estimates: [0, 1], covariance: Matrix(rowMajor: [[1, 1], [1, 1]]), prePeriods: 1, postPeriods: 1)
        #expect(study.standardError(weights: [1]) == 1)
    }

    @Test func weightsMustFitThePostPeriods() throws {
        let study = try HonestDiDEventStudy(estimates: [1, 2, 3], covariance: identity3, prePeriods: 1, postPeriods: 2)
        #expect(throws: HonestDiDError.invalidWeights(count: 3, postPeriods: 2)) {
            try HonestDiDRelativeMagnitudes(study: study, weights: [1, 0, 0])
        }
        #expect(throws: HonestDiDError.invalidWeights(count: 2, postPeriods: 2)) {
            try HonestDiDRelativeMagnitudes(study: study, weights: [0, 0])
        }
        #expect(try HonestDiDRelativeMagnitudes(study: study, options: .init(method: .conditional)).weights == [0.5, 0.5])
    }

    @Test func originalIntervalIsTheNormalInterval() throws {
        let study = try HonestDiDEventStudy(
            estimates: [0.1, 1, 3], covariance: Matrix(rowMajor: [[1, 0, 0], [0, 4, 1], [0, 1, 9]]), prePeriods: 1, postPeriods: 2)
        let interval = study.originalInterval(weights: [0.5, 0.5], alpha: 0.05)
        // l'β = 2, l'Σl = (4 + 2 + 9)/4 = 3.75.
        let half = 1.959963984540054 * 3.75.squareRoot()
        #expect(abs(interval.lower - (2 - half)) < 1e-12 && abs(interval.upper - (2 + half)) < 1e-12)
    }
}
