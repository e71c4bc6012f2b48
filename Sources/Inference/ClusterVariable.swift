/// One clustering dimension: a name and a dense cluster code `0..<count` per observation.
///
/// Codes may arrive in any non-negative numbering (e.g. codes into a categorical column's levels
/// of which some no longer occur after rows were dropped); `init` renumbers them densely in
/// increasing order of the original code, so `count` is the number of clusters G present.
public struct ClusterVariable: Sendable, Equatable {
    /// Variable name, used in labels, warnings and errors.
    public let name: String
    /// Dense cluster code per observation, `0..<count`.
    public let codes: [Int32]
    /// Number of clusters G.
    public let count: Int

    /// Validates and densifies `codes`; a negative code means a missing id and throws
    /// `InferenceError.missingClusterID`.
    public init(name: String, codes: [Int32]) throws {
        self.name = name
        var maxCode: Int32 = -1
        var missing = 0
        for c in codes {
            if c < 0 { missing += 1 } else if c > maxCode { maxCode = c }
        }
        if missing > 0 { throw InferenceError.missingClusterID(variable: name, rows: missing) }
        guard maxCode >= 0 else {
            self.codes = []
            self.count = 0
            return
        }
        // A lookup table of size max+1 is one pass each way; codes are dense in practice.
        var remap = [Int32](repeating: -1, count: Int(maxCode) + 1)
        for c in codes { remap[Int(c)] = 0 }
        var next: Int32 = 0
        for j in remap.indices where remap[j] == 0 {
            remap[j] = next
            next += 1
        }
        self.count = Int(next)
        self.codes = next == maxCode + 1 ? codes : codes.map { remap[Int($0)] }
    }

    /// Trusted initializer for codes already known to be dense in `0..<count`.
    init(name: String, denseCodes: [Int32], count: Int) {
        self.name = name
        self.codes = denseCodes
        self.count = count
    }

    /// The clusters formed by the intersection of two dimensions (`firm × year` cells), as used by
    /// the Cameron–Gelbach–Miller two-way estimator (statsmodels `combine_indices`).
    public static func intersection(_ a: ClusterVariable, _ b: ClusterVariable) -> ClusterVariable {
        precondition(a.codes.count == b.codes.count, "Cluster variables must have the same length")
        let name = "\(a.name) ∩ \(b.name)"
        let cells = a.count * b.count
        // A dense table over all G_a × G_b cells is cheapest when it is not much larger than N.
        if cells <= max(4 * a.codes.count, 1 << 16) {
            var remap = [Int32](repeating: -1, count: cells)
            var next: Int32 = 0
            var out = [Int32](repeating: 0, count: a.codes.count)
            for i in out.indices {
                let cell = Int(a.codes[i]) * b.count + Int(b.codes[i])
                if remap[cell] < 0 {
                    remap[cell] = next
                    next += 1
                }
                out[i] = remap[cell]
            }
            return ClusterVariable(name: name, denseCodes: out, count: Int(next))
        }
        var table: [Int: Int32] = [:]
        var out = [Int32](repeating: 0, count: a.codes.count)
        for i in out.indices {
            let cell = Int(a.codes[i]) * b.count + Int(b.codes[i])
            if let code = table[cell] {
                out[i] = code
            } else {
                let code = Int32(table.count)
                table[cell] = code
                out[i] = code
            }
        }
        return ClusterVariable(name: name, denseCodes: out, count: table.count)
    }
}
