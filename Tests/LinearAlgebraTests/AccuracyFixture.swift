import Foundation
import LinearAlgebra

/// Repository root: three levels up from this file (`Tests/LinearAlgebraTests/AccuracyFixture.swift`).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// `datasets/reference/accuracy.json`, written by `scripts/reference/accuracy_reference.py`
/// (statsmodels 0.15 `OLS.fit(method="qr")` and R 4.2.2 `lm.fit` on hard designs with exactly
/// known solutions); only the keys the tests read are decoded.
struct AccuracyFile: Decodable {
    let toolVersion: String
    let cases: [AccuracyCase]
    let filipRRankRule: FilipRankRule

    enum CodingKeys: String, CodingKey {
        case toolVersion = "tool_version"
        case cases
        case filipRRankRule = "filip_r_rank_rule"
    }

    static func load() throws -> AccuracyFile {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/accuracy.json")
        return try JSONDecoder().decode(AccuracyFile.self, from: Data(contentsOf: url))
    }

    func named(_ name: String) -> AccuracyCase {
        guard let found = cases.first(where: { $0.name == name }) else { preconditionFailure("no case \(name)") }
        return found
    }
}

struct LREBlock: Decodable {
    let perCoefficient: [Double]
    let min: Double

    enum CodingKeys: String, CodingKey {
        case perCoefficient = "per_coefficient"
        case min
    }
}

struct ReferenceSolver: Decodable {
    let coefficients: [Double?]
    let lreVsExact: LREBlock
    let lreVsCertified: LREBlock?

    enum CodingKeys: String, CodingKey {
        case coefficients
        case lreVsExact = "lre_vs_exact"
        case lreVsCertified = "lre_vs_certified"
    }
}

struct ConditionNumbers: Decodable {
    let unitColumns: Double
    let raw: Double

    enum CodingKeys: String, CodingKey {
        case unitColumns = "unit_columns"
        case raw
    }
}

/// One design: its exact solution (of the doubles as stored) and what statsmodels and R got.
struct AccuracyCase: Decodable {
    let name: String
    let conditionNumber: ConditionNumbers
    /// The exact least-squares solution rounded to the nearest double.
    let exact: [Double]
    let certifiedCoefficients: [String]?
    let statsmodels: ReferenceSolver
    let rLmFit: ReferenceSolver?

    enum CodingKeys: String, CodingKey {
        case name
        case conditionNumber = "condition_number"
        case exact = "exact_solution_nearest_double"
        case certifiedCoefficients = "certified_coefficients"
        case statsmodels
        case rLmFit = "r_lm_fit"
    }

    /// NIST's certified values as doubles.
    var certified: [Double]? { certifiedCoefficients?.map { Double($0)! } }
}

/// Filip under R's default rank tolerance (x¹⁰ dropped).
struct FilipRankRule: Decodable {
    let exactWithoutX10: [Double]
    let statsmodelsWithoutX10: LREBlock
    let rLmFit: RankRuleFit

    struct RankRuleFit: Decodable {
        let rank: Int
        let droppedColumns: [Int]
        let lreVsExactWithoutX10: LREBlock

        enum CodingKeys: String, CodingKey {
            case rank
            case droppedColumns = "dropped_columns"
            case lreVsExactWithoutX10 = "lre_vs_exact_without_x10"
        }
    }

    enum CodingKeys: String, CodingKey {
        case exactWithoutX10 = "exact_solution_without_x10_nearest_double"
        case statsmodelsWithoutX10 = "statsmodels_without_x10"
        case rLmFit = "r_lm_fit"
    }
}

/// Log relative error `−log₁₀(|b − c|/|c|)` (`−log₁₀|b|` when `c = 0`), capped at 15.9, as
/// `scripts/reference/accref_exact.py` (McCullough 1998); NaN scores 0.
func logRelativeError(_ value: Double, _ reference: Double) -> Double {
    guard !value.isNaN else { return 0 }
    let error = abs(value - reference)
    guard error > 0 else { return 15.9 }
    let relative = reference == 0 ? error : error / abs(reference)
    return min(15.9, -log10(relative))
}

/// Hard designs built exactly as `scripts/reference/accref_designs.py` builds them.
enum AccuracyDesigns {
    /// Columns `1, x, …, x^degree`, each the previous one times `x` (IEEE products, as numpy).
    static func powers(_ x: [Double], degree: Int) -> Matrix {
        var columns: [[Double]] = [Array(repeating: 1, count: x.count)]
        for _ in 0..<degree { columns.append(zip(columns.last!, x).map { $0 * $1 }) }
        return Matrix(columnArrays: columns)
    }

    /// A NIST StRD file `datasets/reference/nist/<name>.csv`: response and predictor columns.
    static func nist(_ name: String) throws -> (y: [Double], x: [[Double]]) {
        let url = repositoryRoot.appendingPathComponent("datasets/reference/nist/\(name).csv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst()
        let rows = lines.map { $0.split(separator: ",").map { Double(String($0))! } }
        let width = rows.first?.count ?? 1
        return (rows.map { $0[0] }, (1..<width).map { j in rows.map { $0[j] } })
    }

    /// The design of a NIST model: Longley as in the file plus an intercept, NoInt1/2 the single
    /// column, the others powers of `x` up to their degree.
    static func nistDesign(_ name: String) throws -> (design: Matrix, y: [Double]) {
        let (y, x) = try nist(name)
        switch name {
        case "Longley": return (Matrix(columnArrays: [Array(repeating: 1, count: y.count)] + x), y)
        case "NoInt1", "NoInt2": return (Matrix(columnArrays: [x[0]]), y)
        default:
            let degree = ["Norris": 1, "Pontius": 2, "Filip": 10][name] ?? 5
            return (powers(x[0], degree: degree), y)
        }
    }

    /// `eᵢ = (−1)ⁱ C(n−1, i)`, orthogonal on `t = 0..<n` to every polynomial of degree below n − 1.
    static func binomialResidual(_ n: Int) -> [Double] {
        var c = 1
        return (0..<n).map { i in
            defer { c = c * (n - 1 - i) / (i + 1) }
            return Double(i % 2 == 0 ? c : -c)
        }
    }

    /// `t = 0…20`, `t⁰…t^degree`, `bⱼ = (−1)ʲ (j + 1)`, `y = X b (+ e)`: solution `b` exactly.
    static func integerPolynomial(degree: Int, withResidual: Bool) -> (design: Matrix, y: [Double], beta: [Double]) {
        let t = (0...20).map(Double.init)
        let design = powers(t, degree: degree)
        let beta: [Double] = (0...degree).map { j in
            let magnitude = Double(j + 1)
            return j % 2 == 0 ? magnitude : -magnitude
        }
        var y = [Double](repeating: 0, count: 21)
        // Integers below 2⁵³ throughout, so this sum is exact in any order.
        for j in 0...degree { for i in 0..<21 { y[i] += design[i, j] * beta[j] } }
        if withResidual { y = zip(y, binomialResidual(21)).map(+) }
        return (design, y, beta)
    }

    /// `x1 = t² − 7t`, `z = t(t − 5)(t − 12)`, `x2 = x1 + 2⁻³⁰ z`, `y = 1 + 2 x1 + 3 x2 + e`.
    static func nearCollinear() -> (design: Matrix, y: [Double], beta: [Double]) {
        let t = (0...20).map(Double.init)
        let x1: [Double] = t.map { ti in ti * ti - 7 * ti }
        let z: [Double] = t.map { ti in ti * (ti - 5) * (ti - 12) }
        let x2 = zip(x1, z).map { $0 + $1 * 0x1p-30 }
        let e = binomialResidual(21)
        let y: [Double] = (0..<21).map { i in
            let linear: Double = 1 + 2 * x1[i]
            return linear + 3 * x2[i] + e[i]
        }
        return (Matrix(columnArrays: [Array(repeating: 1, count: 21), x1, x2]), y, [1, 2, 3])
    }
}
