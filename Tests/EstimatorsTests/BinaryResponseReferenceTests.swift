import DataFrameModule
import Foundation
import Inference
import LinearAlgebra
import Testing

@testable import Estimators

/// Compares a fit with one reference fit of `datasets/reference/binary_small.json`, matching
/// coefficients by name; `tolerance` is relative.
struct BinaryReferenceComparison {
    let reference: BinaryReferenceFit
    let fit: BinaryResponseFit
    /// For each reference coefficient, its index among the fit's kept columns.
    let position: [Int]

    init(_ reference: BinaryReferenceFit, _ fit: BinaryResponseFit) throws {
        self.reference = reference
        self.fit = fit
        position = try reference.coefficientNames.map { name in
            let j = try #require(fit.columnNames.firstIndex(of: name), "column \(name) missing")
            return try #require(fit.keptColumns.firstIndex(of: j), "column \(name) not kept")
        }
    }

    func expectClose(
        _ a: Double, _ b: Double, _ what: String, tolerance: Double, floor: Double = 1e-300,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let d = relativeDifference(a, b, floor: floor)
        #expect(d <= tolerance, "\(reference.name) \(what): \(a) vs \(b) (rel \(d))", sourceLocation: sourceLocation)
    }

    func expectCoefficients(_ expected: [Double], tolerance: Double, what: String = "coefficient") {
        for (r, p) in position.enumerated() {
            expectClose(fit.core.keptEstimates[p], expected[r], "\(what) \(reference.coefficientNames[r])", tolerance: tolerance)
        }
    }

    /// Entries relative to `√(V_ii V_jj)`, so near-zero covariances need not carry more digits than
    /// their variances.
    func expectCovariance(_ expected: [[Double]], _ what: String, tolerance: Double) {
        for (r, p) in position.enumerated() {
            for (s, q) in position.enumerated() {
                let scale = (abs(expected[r][r]) * abs(expected[s][s])).squareRoot()
                expectClose(fit.covariance[p, q], expected[r][s], "\(what) vcov[\(r),\(s)]", tolerance: tolerance, floor: scale)
            }
        }
    }

    /// Covariance, se, z, p and 95 % interval of one reference covariance.
    func expectInference(_ expected: BinaryReferenceCovariance, _ what: String, tolerance: Double) {
        expectCovariance(expected.vcov, what, tolerance: tolerance)
        let table = fit.coefficientTable()
        #expect(table.degreesOfFreedom == .infinity)
        for (r, name) in reference.coefficientNames.enumerated() {
            let row = table[name]!
            expectClose(row.standardError, expected.se[r], "\(what) se \(name)", tolerance: tolerance)
            expectClose(row.statistic, expected.z[r], "\(what) z \(name)", tolerance: tolerance)
            expectClose(row.pValue, expected.p[r], "\(what) p \(name)", tolerance: 10 * tolerance)
            expectClose(row.lower, expected.ciLower[r], "\(what) ci lower \(name)", tolerance: tolerance)
            expectClose(row.upper, expected.ciUpper[r], "\(what) ci upper \(name)", tolerance: tolerance)
        }
    }
}

@Suite("BinaryResponseModel against statsmodels and R glm (datasets/reference/binary_small.json)")
struct BinaryResponseReferenceTests {
    static let reference = try! BinaryReferenceFile.load()
    static let fitNames = ["logit_main", "probit_main", "logit_interaction", "logit_no_intercept", "logit_weighted"]

    /// The reference fit, refitted here clustered by firm so that rows missing firm are dropped
    /// exactly as the script's `dropna` does.
    static func refit(
        _ name: String, options: BinaryResponseOptions = .init()
    ) throws -> (BinaryReferenceFit, BinaryResponseFit) {
        let ref = try #require(reference.fit(named: name))
        let fit = try BinaryResponseModel.fit(
            ref.formula, data: try reference.frame(), link: BinaryResponseLink(rawValue: ref.link)!,
            weights: ref.weights, covariance: .clustered(by: [ref.cluster]), options: options)
        return (ref, fit)
    }

    static func newRows(_ rows: BinaryReferenceFit.NewRows) throws -> DataFrame {
        try DataFrame(columns: [
            doubleColumn("x1", rows.x1), doubleColumn("x2", rows.x2), categoricalColumn("group", rows.group),
            integerColumn("d", rows.d),
        ])
    }

    @Test("coefficients, likelihoods and predictions match statsmodels (rtol 1e-9)", arguments: fitNames)
    func fitStatistics(name: String) throws {
        let (ref, fit) = try Self.refit(name)
        let check = try BinaryReferenceComparison(ref, fit)
        #expect(fit.n == ref.nUsed)
        #expect(fit.converged)
        check.expectCoefficients(ref.coefficients, tolerance: 1e-9)
        check.expectClose(fit.logLikelihood, ref.llf, "llf", tolerance: 1e-11)
        // statsmodels fits the null model numerically (to ~1e-11); ours is closed-form.
        check.expectClose(fit.nullLogLikelihood, ref.llnull, "llnull", tolerance: 1e-9)
        check.expectClose(fit.pseudoRSquared, ref.prsquared, "prsquared", tolerance: 1e-9)
        check.expectClose(fit.aic, ref.aic, "aic", tolerance: 1e-11)
        check.expectClose(fit.bic, ref.bic, "bic", tolerance: 1e-11)
        #expect(Double(fit.likelihoodRatioDegreesOfFreedom) == ref.dfModel)
        check.expectClose(fit.likelihoodRatioStatistic, ref.llr, "llr", tolerance: 1e-9)
        // statsmodels' numerical llnull (~1e-11 relative) moves llr by ~1e-8 absolute and the p-value
        // by about half that, relative.
        check.expectClose(fit.likelihoodRatioPValue, ref.llrPValue, "llr p", tolerance: 1e-7)
        for i in 0..<5 {
            check.expectClose(fit.fittedProbabilities[i], ref.predictUsedRows.values[i], "fitted \(i)", tolerance: 1e-10)
        }
        let rows = try #require(ref.predictNewRows.newRows)
        let predicted = try fit.predictedProbabilities(data: Self.newRows(rows))
        for i in predicted.indices {
            check.expectClose(predicted[i], ref.predictNewRows.values[i], "predicted new \(i)", tolerance: 1e-10)
        }
    }

    @Test("classical, HC0, HC1 and CR1 covariances with z inference match the reference (rtol 1e-8)", arguments: fitNames)
    func covariances(name: String) throws {
        let (ref, base) = try Self.refit(name)
        let keys: [(CovarianceType, String)] = [
            (.classical, "nonrobust"), (.hc0, "HC0"), (.hc1, "HC1"), (.clustered(by: ["firm"]), "cluster"),
        ]
        for (type, key) in keys {
            let fit = try base.with(covariance: type)
            let check = try BinaryReferenceComparison(ref, fit)
            check.expectInference(try #require(ref.covariances[key]), key, tolerance: 1e-8)
            #expect(fit.coefficients == base.coefficients)
        }
        #expect(base.clusterCounts == ["firm": ref.covariances["cluster"]?.nClusters ?? -1])
        #expect(base.covarianceLabel == "Clustered (firm), G = 20, CR1")
    }

    @Test("expected information reproduces R glm + sandwich: probit vcov, HC0–HC3, CR1 (rtol 1e-8)")
    func probitExpectedInformation() throws {
        // Fisher scoring converges linearly for probit: iterate as R's reference fit (epsilon 1e-15).
        let tight = BinaryResponseOptions(maxIterations: 100, tolerance: 1e-15, information: .expected)
        let (ref, base) = try Self.refit("probit_main", options: tight)
        let r = ref.crossCheckR
        let check = try BinaryReferenceComparison(ref, base)
        check.expectCoefficients(r.coefficientsTight, tolerance: 1e-10, what: "R coefficient")
        let keys: [(CovarianceType, String)] = [
            (.classical, "expected_information"), (.hc0, "HC0"), (.hc1, "HC1"), (.hc2, "HC2"), (.hc3, "HC3"),
            (.clustered(by: ["firm"]), "cluster"),
        ]
        for (type, key) in keys {
            let fit = try base.with(covariance: type)
            try BinaryReferenceComparison(ref, fit).expectCovariance(try #require(r.vcov[key]), "R \(key)", tolerance: 1e-8)
        }
        // And against the numpy implementation at the Newton optimum.
        let numpy = try #require(ref.covariancesExpectedInformation)
        for (type, key) in [(CovarianceType.classical, "nonrobust"), (.hc1, "HC1"), (.clustered(by: ["firm"]), "cluster")] {
            let fit = try base.with(covariance: type)
            try BinaryReferenceComparison(ref, fit).expectCovariance(try #require(numpy[key]).vcov, "numpy \(key)", tolerance: 1e-8)
        }
    }

    @Test("with the logit link, R glm's vcov, sandwich HC0–HC3 and vcovCL agree too (rtol 1e-8)")
    func logitAgainstR() throws {
        for name in Self.fitNames where name.hasPrefix("logit") {
            let (ref, base) = try Self.refit(name)
            for (type, key) in [
                (CovarianceType.classical, "expected_information"), (.hc0, "HC0"), (.hc1, "HC1"), (.hc2, "HC2"),
                (.hc3, "HC3"), (.clustered(by: ["firm"]), "cluster"),
            ] {
                let fit = try base.with(covariance: type)
                try BinaryReferenceComparison(ref, fit).expectCovariance(
                    try #require(ref.crossCheckR.vcov[key]), "R \(key)", tolerance: 1e-8)
            }
            let rows = try #require(ref.predictNewRows.newRows)
            let predicted = try base.predictedProbabilities(data: Self.newRows(rows))
            for i in predicted.indices {
                #expect(relativeDifference(predicted[i], ref.crossCheckR.predictNew[i]) < 1e-10)
            }
        }
    }

    @Test("iteration counts equal R glm's with epsilon 1e-10 (Fisher scoring; Newton for the canonical logit)")
    func iterationCounts() throws {
        for name in Self.fitNames {
            let options = BinaryResponseOptions(information: .expected)
            let (ref, fit) = try Self.refit(name, options: options)
            #expect(fit.iterations == ref.crossCheckR.iterations, "\(name): \(fit.iterations) vs R \(ref.crossCheckR.iterations)")
            // Same algorithm, same start, same stopping rule: the same iterate as R to rounding.
            try BinaryReferenceComparison(ref, fit).expectCoefficients(
                ref.crossCheckR.coefficients, tolerance: 1e-11, what: "R epsilon 1e-10 coefficient")
        }
    }
}
