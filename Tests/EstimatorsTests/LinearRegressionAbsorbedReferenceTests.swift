import DataFrameModule
import Foundation
import Inference
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

/// Every number of a fit with absorbed fixed effects against a pyfixest fixture; `tolerance` relative.
struct FixedEffectsComparison {
    let reference: FixedEffectsReferenceFit
    let fit: RegressionFit
    let tolerance: Double
    /// For each reference coefficient, its index among the fit's kept columns.
    let position: [Int]

    init(reference: FixedEffectsReferenceFit, fit: RegressionFit, tolerance: Double) throws {
        self.reference = reference
        self.fit = fit
        self.tolerance = tolerance
        position = try reference.coefficientNames.map { name in
            let j = try #require(fit.columnNames.firstIndex(of: name), "column \(name) missing")
            return try #require(fit.keptColumns.firstIndex(of: j), "column \(name) not kept")
        }
    }

    func expectClose(
        _ a: Double, _ b: Double, _ what: String, floor: Double = 1e-300, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let d = relativeDifference(a, b, floor: floor)
        #expect(d <= tolerance, "\(reference.name) \(what): \(a) vs pyfixest \(b) (rel \(d))", sourceLocation: sourceLocation)
    }

    func checkFit() {
        #expect(fit.n == reference.nUsed, "\(reference.name) N")
        #expect(fit.rank == reference.coefficientNames.count, "\(reference.name) rank")
        for (r, p) in position.enumerated() {
            expectClose(fit.core.keptEstimates[p], reference.coefficients[r], "coefficient \(reference.coefficientNames[r])")
        }
        let effects = fit.absorbedEffects!
        for effect in effects.effects { #expect(reference.fixedEffects[effect.name] == effect.levelCount, "\(effect.name) levels") }
        expectClose(fit.rSquared, reference.r2, "r2")
        expectClose(fit.adjustedRSquared, reference.adjR2, "adj r2")
        expectClose(effects.withinRSquared, reference.r2Within, "within r2")
        expectClose(effects.adjustedWithinRSquared, reference.adjR2Within, "adj within r2")
    }

    /// Standard errors, the whole matrix (relative to √(V_ii V_jj)) and the t df of one covariance.
    func checkCovariance(_ key: String, _ ref: FixedEffectsReferenceCovariance, estimate: CovarianceEstimate) {
        #expect(estimate.degreesOfFreedom == ref.dfT, "\(reference.name) \(key) df")
        // pyfixest reports the raw two-way sum (no eigenvalue repair).
        let matrix = estimate.unclippedMatrix
        for (r, p) in position.enumerated() {
            expectClose(matrix[p, p].squareRoot(), ref.se[r], "\(key) se \(reference.coefficientNames[r])")
            for (s, q) in position.enumerated() {
                let scale = (abs(ref.vcov[r][r]) * abs(ref.vcov[s][s])).squareRoot()
                expectClose(matrix[p, q], ref.vcov[r][s], "\(key) vcov[\(r),\(s)]", floor: scale)
            }
        }
        for (name, g) in ref.nClusters {
            let count = estimate.type.clusterVariables.firstIndex(of: name).map { estimate.clusterCounts[$0] }
            #expect(count == g, "\(reference.name) \(key) G \(name)")
        }
    }
}

@Suite("Absorbed fixed effects vs pyfixest 0.60 (datasets/reference/fe_*.json, rtol 1e-8)")
struct LinearRegressionAbsorbedReferenceTests {
    static let tolerance = 1e-8

    /// Fits the reference formula, then checks every recorded covariance: those under the default
    /// `ssc()` through `with(covariance:)`, the others through `with(covariance:smallSample:)`.
    static func check(_ reference: FixedEffectsReferenceFit) throws {
        let data = try DataFrame.readCSV(path: reference.dataPath)
        let options = AbsorptionOptions(dropSingletons: reference.fixefRm == "singleton")
        let base = try LinearRegression.fit(reference.formula, data: data, weights: reference.weights, absorption: options)
        let comparison = try FixedEffectsComparison(reference: reference, fit: base, tolerance: tolerance)
        comparison.checkFit()
        #expect(base.observations.totalRows == reference.nTotal)
        for (key, ref) in reference.covariances.sorted(by: { $0.key < $1.key }) {
            let type = covarianceType(forPyfixestKey: key)
            let fit = try base.with(covariance: type, smallSample: ref.ssc.convention(forKey: key))
            comparison.checkCovariance(key, ref, estimate: fit.covarianceEstimate)
            if !key.contains("@") {
                // The default ssc() is the fit's own convention, so the plain swap agrees.
                let plain = try base.with(covariance: type)
                #expect(plain.covarianceEstimate.unclippedMatrix == fit.covarianceEstimate.unclippedMatrix, "\(key)")
            }
        }
    }

    static let panel: FixedEffectsReferenceFile? = try? FixedEffectsReferenceFile.load("fe_panel.json")

    @Test(arguments: [
        "fe2_ols", "fe2_wls", "fe1", "fe3", "fe2_categorical", "fe2_keep_singletons", "fe2_absorbed_regressor",
    ])
    func panelFit(name: String) throws {
        let file = try #require(Self.panel)
        #expect(file.tool == "pyfixest" && file.toolVersion == "0.60.0")
        try Self.check(try #require(file.fit(named: name)))
    }

    @Test(arguments: ["sales_twfe", "sales_twfe_tenure"])
    func salesFit(name: String) throws {
        let file = try FixedEffectsReferenceFile.load("fe_sales.json")
        try Self.check(try #require(file.fit(named: name)))
    }

    @Test func singletonsAndMissingIdsAreAccounted() throws {
        let reference = try #require(Self.panel?.fit(named: "fe2_ols"))
        let data = try DataFrame.readCSV(path: reference.dataPath)
        let fit = try LinearRegression.fit(reference.formula, data: data)
        // feref_data.py: 6 rows miss y, 4 miss x1, 3 miss unit; units 161, 162 and (after its row
        // without y) 163 are singletons.
        #expect(
            fit.observations.dropped == [
                DroppedRows(reason: .missingOutcome(variable: "y"), count: 6),
                DroppedRows(reason: .missingRegressor(variable: "x1"), count: 4),
                DroppedRows(reason: .missingFixedEffect(variable: "unit"), count: 3),
                DroppedRows(reason: .singletonFixedEffect(variable: "unit"), count: 3),
            ])
        #expect(fit.absorbedEffects?.singletonsDropped == 3)
        #expect(fit.n == reference.nUsed)
    }

    @Test func absorbedRegressorIsDroppedWithANamedWarning() throws {
        let reference = try #require(Self.panel?.fit(named: "fe2_absorbed_regressor"))
        let fit = try LinearRegression.fit(reference.formula, data: try DataFrame.readCSV(path: reference.dataPath))
        #expect(fit.droppedColumns == ["xu"])
        #expect(fit.coefficient("xu")!.isNaN)
        #expect(fit.warnings.contains("xu is collinear with the fixed effects (unit, month) and was dropped"))
        #expect(fit.summary().contains("xu is collinear with the fixed effects"))
    }
}
