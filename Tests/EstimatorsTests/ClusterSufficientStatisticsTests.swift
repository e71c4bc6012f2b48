import DataFrameModule
import LinearAlgebra
import ModelSpec
import Testing

@testable import Estimators

@Suite("ClusterSufficientStatistics: per-cluster X'X and X'y for cluster-bootstrap replicates")
struct ClusterSufficientStatisticsTests {
    static let formula = "y ~ x1 + x2 + C(g)"

    static func firmCodes(_ data: DataFrame, rows: [Int]) -> [Int32] {
        guard case .integer(let ids, _) = data["firm"]!.values else { return [] }
        return rows.map { Int32(ids[$0] - 100) }
    }

    @Test("all weights 1 reproduce the OLS and WLS coefficients (rtol 1e-10)", arguments: [nil, "w"] as [String?])
    func unitWeights(weights: String?) throws {
        let data = try simulatedFrame(n: 500, clusters: 25, seed: 11)
        let design = try DesignMatrix.build(
            Formula.parse(Self.formula), data: data, options: DesignOptions(weights: weights))
        let stats = ClusterSufficientStatistics(
            design: design, clusterCodes: Self.firmCodes(data, rows: design.rowIndices))
        #expect(stats.clusterCount == 25 && stats.parameterCount == 5)
        let b = try stats.coefficients(clusterWeights: [Double](repeating: 1, count: 25))
        let fit = try LinearRegression.fit(design: design)
        for j in b.indices { #expect(abs(b[j] - fit.coefficients[j]) <= 1e-10 * abs(fit.coefficients[j])) }
    }

    @Test("weights = draw counts reproduce OLS on the data with clusters duplicated (rtol 1e-10)")
    func drawCounts() throws {
        let data = try simulatedFrame(n: 300, clusters: 12, seed: 12)
        let design = try DesignMatrix.build(Formula.parse(Self.formula), data: data)
        let codes = Self.firmCodes(data, rows: design.rowIndices)
        let stats = ClusterSufficientStatistics(design: design, clusterCodes: codes)
        var rng = SeededGenerator(seed: 99)
        var counts = [Double](repeating: 0, count: 12)
        for _ in 0..<12 { counts[rng.integer(below: 12)] += 1 }
        let b = try stats.coefficients(clusterWeights: counts)
        var rows: [Int] = []
        for i in 0..<data.rowCount { rows += [Int](repeating: i, count: Int(counts[Int(codes[i])])) }
        let resampled = try takingRows(data, rows)
        let fit = try LinearRegression.fit(Self.formula, data: resampled)
        #expect(fit.columnNames == stats.columnNames)
        for j in b.indices { #expect(abs(b[j] - fit.coefficients[j]) <= 1e-10 * abs(fit.coefficients[j])) }
    }

    @Test("per-cluster blocks sum to X'X and X'y; selected columns")
    func blocks() throws {
        let data = try simulatedFrame(n: 120, clusters: 6, seed: 13)
        let design = try DesignMatrix.build(Formula.parse(Self.formula), data: data)
        let stats = ClusterSufficientStatistics(
            design: design, clusterCodes: Self.firmCodes(data, rows: design.rowIndices),
            columns: [0, 1])
        #expect(stats.columnNames == ["Intercept", "x1"])
        var xx = Matrix(rows: 2, columns: 2)
        var xy = [0.0, 0.0]
        for g in 0..<6 {
            xx = xx + stats.crossProduct(cluster: g)
            let m = stats.crossMoment(cluster: g)
            xy[0] += m[0]
            xy[1] += m[1]
        }
        let x = design.x.selectingColumns([0, 1])
        let gram = x.gram()
        let moment = x.times(design.y, transpose: true)
        for e in 0..<4 { #expect(abs(xx.elements[e] - gram.elements[e]) <= 1e-12 * abs(gram.elements[e])) }
        for e in 0..<2 { #expect(abs(xy[e] - moment[e]) <= 1e-11 * abs(moment[e])) }
    }

    @Test("a replicate that loses a regressor's variation throws singularReplicate")
    func singular() throws {
        // x is nonzero only in cluster 0; dropping cluster 0 makes X'X singular.
        let x: [Double] = [1, 2, 0, 0, 0, 0]
        let y: [Double] = [1, 3, 2, 2, 5, 1]
        let data = try DataFrame(columns: [doubleColumn("y", y), doubleColumn("x", x)])
        let design = try DesignMatrix.build(Formula.parse("y ~ x"), data: data)
        let stats = ClusterSufficientStatistics(design: design, clusterCodes: [0, 0, 1, 1, 2, 2])
        #expect(throws: EstimationError.singularReplicate(parameters: 2)) {
            try stats.coefficients(clusterWeights: [0, 2, 1])
        }
        #expect(try stats.coefficients(clusterWeights: [1, 1, 1]).count == 2)
    }
}
