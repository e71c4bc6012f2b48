import DataFrameModule
import Foundation
import Inference
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

/// A seeded unbalanced panel with unit and month effects correlated with x, and team shocks:
/// `y = 2 x − 0.5 z + α_unit + γ_month + u_team + ε` (units nested in teams of five). Every unit
/// has at least two months; the last `singletons` units have exactly one.
func simulatedPanel(units: Int, months: Int, seed: UInt64, keep: Double = 0.9, singletons: Int = 0) throws -> DataFrame {
    var rng = SeededGenerator(seed: seed)
    let alpha = (0..<units).map { _ in 2 * rng.normal() }
    let gamma = (0..<months).map { _ in rng.normal() }
    let teamShock = (0..<((units + 4) / 5)).map { _ in 0.7 * rng.normal() }
    var unit: [Int] = []
    var month: [Int] = []
    var team: [String?] = []
    var x: [Double] = []
    var z: [Double] = []
    var y: [Double] = []
    var w: [Double] = []
    for u in 0..<units {
        let single = u >= units - singletons
        for m in 0..<months where single ? m == 0 : (rng.uniform() < keep || m == 0 || m == 1) {
            let xi = 0.6 * alpha[u] + 0.5 * gamma[m] + rng.normal()
            let zi = 0.3 * xi + rng.normal()
            unit.append(1000 + u)
            month.append(m + 1)
            team.append("T\(u / 5)")
            x.append(xi)
            z.append(zi)
            w.append(0.5 + 1.5 * rng.uniform())
            y.append(2 * xi - 0.5 * zi + alpha[u] + gamma[m] + teamShock[u / 5] + rng.normal())
        }
    }
    return try DataFrame(columns: [
        integerColumn("unit", unit), integerColumn("month", month), categoricalColumn("team", team),
        doubleColumn("x", x), doubleColumn("z", z), doubleColumn("y", y), doubleColumn("w", w),
        doubleColumn("xu", unit.map { Double($0 % 7) * 0.25 }),
    ])
}

@Suite("Regression with absorbed fixed effects")
struct LinearRegressionAbsorbedTests {
    @Test func recoversTheTrueSlopesOfASimulatedPanel() throws {
        let data = try simulatedPanel(units: 400, months: 12, seed: 42)
        let fit = try LinearRegression.fit(
            "y ~ x + z | unit + month", data: data, covariance: .clustered(by: ["team"]))
        let se = fit.standardErrors
        // Truth 2 and −0.5; a 4.5-SE band fails with probability below 1e-5 per coefficient.
        #expect(abs(fit.coefficient("x")! - 2) < 4.5 * se[0])
        #expect(abs(fit.coefficient("z")! + 0.5) < 4.5 * se[1])
        #expect(se[0] < 0.05 && se[1] < 0.05)
        // Units are nested in teams: fixest's "nested" rule drops them from K.
        let effects = try #require(fit.absorbedEffects)
        #expect(effects.effects.map(\.name) == ["unit", "month"])
        #expect(effects.effects.map(\.levelCount) == [400, 12])
        #expect(effects.connectedComponents == 1)
    }

    /// With the statsmodels convention the absorbed fit reproduces the dummy-variable OLS fit
    /// (same K, same factors), so the two entry routes must agree to rounding.
    @Test(arguments: [false, true])
    func matchesTheDummyVariableFitUnderTheStatsmodelsConvention(weighted: Bool) throws {
        let data = try simulatedPanel(units: 40, months: 8, seed: 7)
        let weights = weighted ? "w" : nil
        let options = AbsorptionOptions(smallSample: .statsmodels, dropSingletons: false)
        let absorbed = try LinearRegression.fit(
            "y ~ x + z | unit + month", data: data, weights: weights, absorption: options)
        let dummies = try LinearRegression.fit("y ~ x + z + C(unit) + C(month)", data: data, weights: weights)
        for name in ["x", "z"] {
            #expect(relativeDifference(absorbed.coefficient(name)!, dummies.coefficient(name)!) < 1e-9)
        }
        #expect(absorbed.dfResidual == dummies.dfResidual)
        #expect(relativeDifference(absorbed.rSquared, dummies.rSquared) < 1e-10)
        #expect(relativeDifference(absorbed.adjustedRSquared, dummies.adjustedRSquared) < 1e-10)
        let types: [CovarianceType] = [
            .classical, .hc0, .hc1, .clustered(by: ["team"]), .clustered(by: ["team", "month"]),
            .clustered(by: ["unit"], correction: .none),
        ]
        for type in types {
            let a = try absorbed.with(covariance: type)
            let d = try dummies.with(covariance: type)
            #expect(a.inferenceDegreesOfFreedom == d.inferenceDegreesOfFreedom, "\(type) df")
            // Compared before any eigenvalue repair: the dummy model's two-way sum is not PSD in
            // the dummies' directions, and clipping the big matrix moves its slope block too.
            let va = a.covarianceEstimate.unclippedMatrix
            let vd = d.covarianceEstimate.unclippedMatrix
            for name in ["x", "z"] {
                let pa = a.keptColumns.firstIndex(of: absorbed.columnNames.firstIndex(of: name)!)!
                let pd = d.keptColumns.firstIndex(of: dummies.columnNames.firstIndex(of: name)!)!
                #expect(relativeDifference(va[pa, pa], vd[pd, pd]) < 1e-8, "\(type) \(name): \(va[pa, pa]) vs \(vd[pd, pd])")
            }
        }
        // Residuals of the projected fit are the dummy model's residuals (Frisch–Waugh–Lovell).
        let gap = zip(absorbed.residuals, dummies.residuals).reduce(0) { max($0, abs($1.0 - $1.1)) }
        #expect(gap < 1e-9)
    }

    @Test func formulaAndDesignEntryPointsAgree() throws {
        let data = try simulatedPanel(units: 60, months: 6, seed: 3)
        let fromFormula = try LinearRegression.fit(
            "y ~ x + z | unit + month", data: data, covariance: .clustered(by: ["team"]))
        let design = try DesignMatrix.build(
            try Formula.parse("y ~ x + z | unit + month"), data: data, options: DesignOptions(requiredColumns: ["team"]))
        let codes = ClusterCoding.codes(data["team"]!, rows: design.rowIndices)
        let fromDesign = try LinearRegression.fit(
            design: design, clusters: ["team": codes], covariance: .clustered(by: ["team"]))
        #expect(fromFormula.coefficients == fromDesign.coefficients)
        #expect(fromFormula.covariance == fromDesign.covariance)
        #expect(fromFormula.inferenceDegreesOfFreedom == fromDesign.inferenceDegreesOfFreedom)
    }

    @Test func parallelAndSerialProjectionGiveTheSameFit() throws {
        let data = try simulatedPanel(units: 80, months: 10, seed: 5)
        let serial = try LinearRegression.fit(
            "y ~ x + z | unit + month + team", data: data,
            absorption: AbsorptionOptions(demeaning: DemeaningOptions(parallel: false)))
        let parallel = try LinearRegression.fit("y ~ x + z | unit + month + team", data: data)
        #expect(serial.coefficients == parallel.coefficients)
        #expect(serial.covariance == parallel.covariance)
    }

    @Test func exactRedundancyCountsAFixedEffectNestedInAnother() throws {
        // team is a union of units: with exact counting its levels add nothing.
        let data = try simulatedPanel(units: 50, months: 6, seed: 9)
        let exact = AbsorptionOptions(smallSample: SmallSampleConvention(exactRedundancy: true))
        let fit = try LinearRegression.fit("y ~ x | unit + team", data: data, absorption: exact)
        let effects = try #require(fit.absorbedEffects)
        #expect(effects.connectedComponents == 10)
        #expect(effects.effects.map(\.redundantLevels) == [0, 10])
        #expect(effects.parameterCount == 50)
        #expect(fit.dfResidual == fit.n - 1 - 50)
        // fixest's default (Q − 1) overcounts: 50 + 10 − 1.
        let fixest = try LinearRegression.fit("y ~ x | unit + team", data: data)
        #expect(fixest.absorbedEffects?.parameterCount == 59)
        #expect(fixest.coefficients == fit.coefficients)
    }

    @Test func nestedFixedEffectsLeaveTheClusteredParameterCount() throws {
        let data = try simulatedPanel(units: 50, months: 6, seed: 11)
        let fit = try LinearRegression.fit("y ~ x | unit + month", data: data)
        let n = Double(fit.n)
        let classical = try fit.with(covariance: .classical)
        // iid: K = 1 + 50 + 6 − 1.
        #expect(classical.inferenceDegreesOfFreedom == n - 56)
        // Clustered by team (units nested): K = 1 + 55 − 50 + 1 = 7; the factor uses it.
        let nested = try fit.with(covariance: .clustered(by: ["team"]))
        let full = try fit.with(covariance: .clustered(by: ["team"]), smallSample: SmallSampleConvention(fixedEffects: .full))
        let ratio = nested.covariance[0, 0] / full.covariance[0, 0]
        #expect(abs(ratio - (n - 56) / (n - 7)) < 1e-12)
        #expect(nested.inferenceDegreesOfFreedom == 9)
        // fixest t.df = "conventional": N − K instead of G − 1.
        let residual = try fit.with(
            covariance: .clustered(by: ["team"]), smallSample: SmallSampleConvention(clusteredDegrees: .residual))
        #expect(residual.inferenceDegreesOfFreedom == n - 7)
        #expect(residual.covariance == nested.covariance)
        // CR0 applies no factor at all, whatever the convention.
        let raw = try fit.with(covariance: .clustered(by: ["team"], correction: .none))
        let g = 10.0
        #expect(abs(nested.covariance[0, 0] / raw.covariance[0, 0] - g / (g - 1) * (n - 1) / (n - 7)) < 1e-12)
    }

    @Test func unsupportedCovariancesAndEmptyModelsAreTypedErrors() throws {
        let data = try simulatedPanel(units: 30, months: 5, seed: 13)
        let fit = try LinearRegression.fit("y ~ x | unit + month", data: data)
        #expect(throws: FixedEffectsError.unsupportedCovariance(type: CovarianceType.hc2.description)) {
            try fit.with(covariance: .hc2)
        }
        #expect(throws: FixedEffectsError.self) { try fit.with(covariance: .hc3) }
        // CR2/CR3 need the full hat matrix: refused, never reported as CR1 under a CR2 label.
        for correction in [SmallSampleCorrection.cr2, .cr3] {
            let type = CovarianceType.clustered(by: ["unit"], correction: correction)
            #expect(throws: FixedEffectsError.unsupportedCovariance(type: type.description)) {
                try fit.with(covariance: type)
            }
        }
        #expect(throws: FixedEffectsError.noRegressorsLeft(absorbed: [], effects: ["unit"])) {
            try LinearRegression.fit("y ~ 1 | unit", data: data)
        }
        #expect(throws: FixedEffectsError.noRegressorsLeft(absorbed: ["xu"], effects: ["unit", "month"])) {
            try LinearRegression.fit("y ~ xu | unit + month", data: data)
        }
        let message = FixedEffectsError.noRegressorsLeft(absorbed: ["xu"], effects: ["unit"]).description
        #expect(message.contains("collinear with the fixed effects") && message.contains("Remove"))
        #expect(FixedEffectsError.unsupportedCovariance(type: "HC3").description.contains("HC1"))
    }

    @Test func aSingleClusterIsRejected() throws {
        let data = try simulatedPanel(units: 5, months: 6, seed: 17)
        let fit = try LinearRegression.fit("y ~ x | unit + month", data: data)
        #expect(throws: InferenceError.singleCluster(variable: "team")) { try fit.with(covariance: .clustered(by: ["team"])) }
    }

    @Test func runningOutOfSweepsIsAWarningInTheFit() throws {
        let data = try simulatedPanel(units: 60, months: 8, seed: 19, keep: 0.6)
        let options = AbsorptionOptions(demeaning: DemeaningOptions(maximumIterations: 1))
        let fit = try LinearRegression.fit("y ~ x | unit + month", data: data, absorption: options)
        #expect(fit.absorbedEffects?.unconvergedColumns.isEmpty == false)
        #expect(fit.warnings.contains { $0.contains("did not converge within 1 sweeps") })
    }

    @Test func summaryStatesTheEffectsAndTheConvention() throws {
        let data = try simulatedPanel(units: 50, months: 6, seed: 23)
        let fit = try LinearRegression.fit("y ~ x + xu | unit + month", data: data, covariance: .clustered(by: ["team"]))
        let text = fit.summary()
        #expect(text.contains("Ordinary least squares (OLS) with absorbed fixed effects"))
        #expect(text.contains("Fixed effects: unit (50 levels), month (6 levels, 1 redundant); K_fe = 55"))
        #expect(text.contains("Within R²:"))
        #expect(text.contains("Small sample: adj, fixef.K = nested, cluster.adj, cluster.df = min, t.df = min"))
        #expect(text.contains("xu is collinear with the fixed effects (unit, month) and was dropped"))
        // Ten teams: the few-clusters warning names better choices.
        #expect(text.contains("Only 10 clusters in 'team'"))
    }

    @Test func keepingSingletonsKeepsTheirRows() throws {
        let data = try simulatedPanel(units: 20, months: 4, seed: 29, singletons: 2)
        let dropped = try LinearRegression.fit("y ~ x | unit + month", data: data)
        let kept = try LinearRegression.fit(
            "y ~ x | unit + month", data: data, absorption: AbsorptionOptions(dropSingletons: false))
        #expect(kept.n == dropped.n + 2)
        #expect(dropped.absorbedEffects?.singletonsDropped == 2)
        #expect(dropped.observations.dropped == [DroppedRows(reason: .singletonFixedEffect(variable: "unit"), count: 2)])
        // A singleton's own effect fits it exactly: the slope does not move.
        #expect(relativeDifference(kept.coefficient("x")!, dropped.coefficient("x")!) < 1e-9)
    }
}
