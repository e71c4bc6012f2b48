import DataFrameModule
import Foundation
import Inference
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

/// Compares every number of a fit with a statsmodels reference fit; `tolerance` is relative.
struct ReferenceComparison {
    let reference: ReferenceFit
    let fit: RegressionFit
    let tolerance: Double
    /// For each reference coefficient, its index among the fit's kept columns.
    let position: [Int]

    init(reference: ReferenceFit, fit: RegressionFit, tolerance: Double) throws {
        self.reference = reference
        self.fit = fit
        self.tolerance = tolerance
        position = try reference.coefficientNames.map { name in
            let j = try #require(fit.columnNames.firstIndex(of: name), "column \(name) missing")
            return try #require(fit.keptColumns.firstIndex(of: j), "column \(name) not kept")
        }
    }

    func expectClose(
        _ a: Double, _ b: Double?, _ what: String, floor: Double = 1e-300,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        guard let b else {
            #expect(a.isNaN, "\(reference.name) \(what): \(a), statsmodels NaN", sourceLocation: sourceLocation)
            return
        }
        let d = relativeDifference(a, b, floor: floor)
        #expect(
            d <= tolerance, "\(reference.name) \(what): \(a) vs statsmodels \(b) (rel \(d))",
            sourceLocation: sourceLocation)
    }

    func checkFit() {
        #expect(fit.n == reference.nUsed)
        #expect(fit.rank == reference.rank)
        #expect(Double(fit.dfResidual) == reference.dfResidual)
        for (r, p) in position.enumerated() {
            expectClose(
                fit.core.keptEstimates[p], reference.coefficients[r], "coefficient \(reference.coefficientNames[r])")
        }
        expectClose(fit.rSquared, reference.rSquared, "R²")
        expectClose(fit.adjustedRSquared, reference.adjustedRSquared, "adjusted R²")
    }

    /// Checks covariance `key` of the reference against `estimate` (which may be unclipped).
    func checkCovariance(_ key: String, matrix: Matrix, degreesOfFreedom: Double) {
        let ref = reference.covariances[key]!
        #expect(degreesOfFreedom == ref.df, "\(key) df")
        // Entries are compared relative to √(V_ii V_jj) so that near-zero covariances do not
        // demand more relative precision than their variances carry.
        for (r, p) in position.enumerated() {
            for (s, q) in position.enumerated() {
                let scale = (abs(ref.vcov[r][r]) * abs(ref.vcov[s][s])).squareRoot()
                expectClose(matrix[p, q], ref.vcov[r][s], "\(key) vcov[\(r),\(s)]", floor: scale)
            }
        }
        let names = reference.coefficientNames
        let table = CoefficientTable(
            names: fit.columnNames, estimates: fit.coefficients, keptColumns: fit.keptColumns,
            covariance: matrix, degreesOfFreedom: degreesOfFreedom)
        for (r, name) in names.enumerated() {
            let row = table[name]!
            expectClose(row.standardError, ref.se[r], "\(key) se \(name)")
            expectClose(row.statistic, ref.t[r], "\(key) t \(name)")
            expectClose(row.pValue, ref.p[r], "\(key) p \(name)")
            expectClose(row.lower, ref.ciLower[r], "\(key) ci lower \(name)")
            expectClose(row.upper, ref.ciUpper[r], "\(key) ci upper \(name)")
        }
    }
}

@Suite("LinearRegression vs statsmodels 0.15 (datasets/reference/*.json, rtol 1e-8)")
struct LinearRegressionReferenceTests {
    static let tolerance = 1e-8

    static func loadFrame(_ fit: ReferenceFit) throws -> DataFrame {
        try DataFrame.readCSV(path: fit.dataPath)
    }

    /// Fits with the reference's cluster columns required (statsmodels dropped rows missing any of
    /// them for every covariance), then checks every covariance via `with(covariance:)`.
    static func checkAllCovariances(_ reference: ReferenceFit, clusterColumns: [String]) throws {
        let data = try loadFrame(reference)
        let base = try LinearRegression.fit(
            reference.formula, data: data, weights: reference.weights,
            covariance: .clustered(by: clusterColumns))
        let comparison = try ReferenceComparison(reference: reference, fit: base, tolerance: tolerance)
        comparison.checkFit()
        let classical = try base.with(covariance: .classical)
        comparison.expectClose(classical.fStatistic, reference.fStatistic, "classical F")
        comparison.expectClose(classical.fPValue, reference.fPValue, "classical F p")
        #expect(classical.fNumeratorDF == reference.dfModel)
        for (key, ref) in reference.covariances {
            let type = covarianceType(forReferenceKey: key)
            let fit = try base.with(covariance: type)
            let estimate = fit.covarianceEstimate
            comparison.checkCovariance(
                key, matrix: estimate.unclippedMatrix, degreesOfFreedom: estimate.degreesOfFreedom)
            if let counts = ref.nClusters {
                for name in type.clusterVariables { #expect(fit.clusterCounts[name] == counts[name], "\(key) G") }
            }
            if let wald = ref.waldFAllSlopes {
                // statsmodels' robust model F (f_test on all slopes), on the unclipped matrix.
                let test = try WaldTest(
                    estimates: fit.core.keptEstimates, covariance: estimate.unclippedMatrix,
                    restrictions: fit.core.modelRestrictions!,
                    denominatorDegreesOfFreedom: estimate.degreesOfFreedom)
                comparison.expectClose(test.fStatistic, wald.statistic, "\(key) Wald F")
                #expect(
                    test.numeratorDegreesOfFreedom == wald.dfNum && test.denominatorDegreesOfFreedom == wald.dfDenom)
                if wald.statistic > 0 { comparison.expectClose(test.fPValue, wald.p, "\(key) Wald F p") }
            }
            if ref.minEigenvalue < 0 {
                // Not PSD in statsmodels: our reported matrix is the eigen-clipped repair, with a warning.
                #expect(estimate.clippedEigenvalues > 0, "\(key) should be clipped")
                #expect(fit.warnings.contains { $0.contains("not positive semi-definite") })
                let eigen = try SymmetricEigen(estimate.matrix)
                #expect(eigen.values.min()! >= -1e-10 * eigen.values.max()!)
                // V₊ − V = Σ|λ₋| v vᵀ is PSD, so no variance decreases.
                for j in 0..<estimate.matrix.rows {
                    #expect(
                        estimate.matrix[j, j] >= estimate.unclippedMatrix[j, j] - 1e-12
                            * abs(estimate.unclippedMatrix[j, j]))
                }
            } else {
                #expect(estimate.clippedEigenvalues == 0)
                #expect(estimate.matrix == estimate.unclippedMatrix)
            }
        }
    }

    @Test("ols_small.json: y ~ x1 + x2 + C(group) + x1:x2, every covariance")
    func interaction() throws {
        let file = try ReferenceFile.load("ols_small.json")
        try Self.checkAllCovariances(
            try #require(file.fit(named: "ols_interaction")), clusterColumns: ["firm", "year"])
    }

    @Test("ols_small.json: y ~ x1 + C(group) - 1 (implicit constant: centered R², F on K − 1)")
    func noIntercept() throws {
        let file = try ReferenceFile.load("ols_small.json")
        let reference = try #require(file.fit(named: "ols_no_intercept"))
        try Self.checkAllCovariances(reference, clusterColumns: ["firm", "year"])
        let fit = try LinearRegression.fit(
            reference.formula, data: try Self.loadFrame(reference),
            covariance: .clustered(by: ["firm", "year"]))
        #expect(fit.hasConstant && !fit.formula.hasIntercept)
    }

    @Test("ols_small.json: WLS y ~ x1 + x2 + d + C(group), weights w, every covariance")
    func weighted() throws {
        let file = try ReferenceFile.load("ols_small.json")
        let reference = try #require(file.fit(named: "wls"))
        #expect(reference.weights == "w")
        try Self.checkAllCovariances(reference, clusterColumns: ["firm", "year"])
    }

    @Test("ols_sales_did.json: sales ~ trained_team + post + trained_team:post, every covariance")
    func salesDiD() throws {
        let file = try ReferenceFile.load("ols_sales_did.json")
        try Self.checkAllCovariances(try #require(file.fit(named: "did_2x2")), clusterColumns: ["team_id", "month"])
    }

    @Test(
        "ols_collinear.json: the last column of a dependent set is dropped (R's rule), the rest fit without it",
        arguments: ["collinear_x3_last", "collinear_x3_first"])
    func collinear(name: String) throws {
        let file = try ReferenceFile.load("ols_collinear.json")
        let reference = try #require(file.fit(named: name))
        let data = try Self.loadFrame(reference)
        let fit = try LinearRegression.fit(reference.formula, data: data, covariance: .clustered(by: ["firm", "year"]))
        #expect(fit.droppedColumns == reference.droppedColumns)
        #expect(fit.rank == reference.rank)
        for (j, name) in try #require(reference.fullCoefficientNames).enumerated() {
            let value = try #require(fit.coefficient(name))
            if let expected = reference.coefficientsFull![j] {
                #expect(relativeDifference(value, expected) <= Self.tolerance, "\(name)")
            } else {
                #expect(value.isNaN, "\(name) should be NaN (dropped)")
            }
        }
        let dropped = reference.droppedColumns![0]
        #expect(fit.warnings.first == "\(dropped) dropped: collinear with other regressors")
        let table = fit.coefficientTable()
        #expect(table[dropped]!.isDropped)
        #expect(fit.summary().contains("dropped (collinear)"))
        try Self.checkAllCovariances(reference, clusterColumns: ["firm", "year"])
    }

    @Test("drop accounting matches the reference (ols_small.json: 4 outcome, 2 regressor, 2 cluster)")
    func dropAccounting() throws {
        let file = try ReferenceFile.load("ols_small.json")
        let reference = try #require(file.fit(named: "ols_interaction"))
        let fit = try LinearRegression.fit(
            reference.formula, data: try Self.loadFrame(reference),
            covariance: .clustered(by: ["firm", "year"]))
        #expect(fit.observations.totalRows == reference.nTotal)
        #expect(fit.observations.usedRows == reference.nUsed)
        let expected: [DroppedRows] = reference.droppedByVariable.map { drop in
            switch drop.reason {
            case "missing_outcome":
                return DroppedRows(reason: .missingOutcome(variable: drop.variable), count: drop.count)
            case "missing_regressor":
                return DroppedRows(reason: .missingRegressor(variable: drop.variable), count: drop.count)
            default: return DroppedRows(reason: .missingRequired(variable: drop.variable), count: drop.count)
            }
        }
        #expect(fit.observations.dropped == expected)
        #expect(fit.summary().contains("dropped 8"))
    }
}
