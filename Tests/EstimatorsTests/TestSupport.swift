import DataFrameModule
import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): a tiny seeded generator so simulated data are reproducible.
struct SeededGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform on (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
    /// Standard normal by Box–Muller.
    mutating func normal() -> Double {
        let u1 = uniform()
        let u2 = uniform()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
    mutating func integer(below n: Int) -> Int { Int(next() % UInt64(n)) }
}

/// A double column without missing values.
func doubleColumn(_ name: String, _ values: [Double]) -> Column {
    Column(name: name, values: .double(values, missing: [Bool](repeating: false, count: values.count)))
}

/// A double column with NaN read as missing.
func doubleColumnWithMissing(_ name: String, _ values: [Double]) -> Column {
    Column(name: name, values: .double(values.map { $0.isNaN ? 0 : $0 }, missing: values.map(\.isNaN)))
}

/// An integer column without missing values.
func integerColumn(_ name: String, _ values: [Int]) -> Column {
    Column(name: name, values: .integer(values, missing: [Bool](repeating: false, count: values.count)))
}

/// A categorical column from strings (`nil` = missing), levels sorted.
func categoricalColumn(_ name: String, _ values: [String?]) -> Column {
    let levels = Array(Set(values.compactMap { $0 })).sorted()
    let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
    return Column(name: name, values: .categorical(codes: values.map { $0.map { index[$0]! } ?? -1 }, levels: levels))
}

/// A seeded cross-section with known coefficients:
/// `y = 2 + 1.5 x1 − 0.7 x2 + 3·[g = b] − 1·[g = c] + u_cluster + ε`, with cluster-level x2 and
/// cluster shocks, so that clustered and iid standard errors differ (Moulton 1990).
func simulatedFrame(n: Int, clusters: Int, seed: UInt64, clusterShock: Double = 1) throws -> DataFrame {
    var rng = SeededGenerator(seed: seed)
    let shocks = (0..<clusters).map { _ in clusterShock * rng.normal() }
    let clusterX = (0..<clusters).map { _ in rng.normal() }
    var x1 = [Double]()
    var x2 = [Double]()
    var y = [Double]()
    var g = [String?]()
    var firm = [Int]()
    var w = [Double]()
    for i in 0..<n {
        let c = i % clusters
        let a = rng.normal()
        let b = clusterX[c] + 0.3 * rng.normal()
        let level = ["a", "b", "c"][rng.integer(below: 3)]
        let effect = level == "b" ? 3.0 : (level == "c" ? -1.0 : 0)
        x1.append(a)
        x2.append(b)
        g.append(level)
        firm.append(100 + c)
        w.append(0.5 + rng.uniform())
        y.append(2 + 1.5 * a - 0.7 * b + effect + shocks[c] + rng.normal())
    }
    return try DataFrame(columns: [
        doubleColumn("y", y), doubleColumn("x1", x1), doubleColumn("x2", x2),
        categoricalColumn("g", g), integerColumn("firm", firm), doubleColumn("w", w),
    ])
}

/// The frame restricted to `rows` (in the given order, repeats allowed).
func takingRows(_ frame: DataFrame, _ rows: [Int]) throws -> DataFrame {
    try DataFrame(
        columns: frame.columns.map { column in
            let values: ColumnValues
            switch column.values {
            case .integer(let v, let m): values = .integer(rows.map { v[$0] }, missing: rows.map { m[$0] })
            case .double(let v, let m): values = .double(rows.map { v[$0] }, missing: rows.map { m[$0] })
            case .bool(let v, let m): values = .bool(rows.map { v[$0] }, missing: rows.map { m[$0] })
            case .date(let v, let m): values = .date(daysSinceEpoch: rows.map { v[$0] }, missing: rows.map { m[$0] })
            case .categorical(let c, let levels): values = .categorical(codes: rows.map { c[$0] }, levels: levels)
            }
            return Column(name: column.name, values: values)
        })
}
