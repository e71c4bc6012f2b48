import Inference
import ModelSpec

/// Counting the fixed-effect parameters: redundant levels between factors, and nesting in clusters.
enum FixedEffectRedundancy {
    /// Redundant levels ("references") per factor: 0 for the first; for the others 1 each, or,
    /// with `exact`, the number of connected components of the first two factors' bipartite
    /// graph for the second and 1 for each further factor.
    ///
    /// With two factors the rank of `[D_1 D_2]` is `L_1 + L_2 − C`, C the number of connected
    /// components of the graph whose nodes are levels and whose edges are observations (Abowd,
    /// Creecy & Kramarz 2002, "Computing person and firm effects using linked longitudinal
    /// employer-employee data"; Gaure 2013, §3.2). For three or more factors no such count is
    /// exact in general; one more reference per factor is a lower bound on the redundancy (each
    /// factor repeats the constant), so K_fe is an upper bound, as in `lfe` and fixest.
    static func references(_ factors: [FixedEffectFactor], exact: Bool) -> [Int] {
        factors.indices.map { q in
            switch q {
            case 0: return 0
            case 1 where exact: return connectedComponents(factors[0], factors[1])
            default: return 1
            }
        }
    }

    /// Number of connected components of the bipartite graph of `a`'s and `b`'s levels, with an
    /// edge for every row; union–find with path halving, `O(N α(N))`.
    static func connectedComponents(_ a: FixedEffectFactor, _ b: FixedEffectFactor) -> Int {
        precondition(a.codes.count == b.codes.count, "Both factors need one code per row")
        let la = a.levelCount
        var parent = Array(0..<(la + b.levelCount))
        func root(_ x: Int) -> Int {
            var x = x
            while parent[x] != x {
                parent[x] = parent[parent[x]]
                x = parent[x]
            }
            return x
        }
        var components = parent.count
        for i in a.codes.indices {
            let ra = root(Int(a.codes[i]))
            let rb = root(la + Int(b.codes[i]))
            if ra != rb {
                // Attach the larger index under the smaller: deterministic roots.
                parent[max(ra, rb)] = min(ra, rb)
                components -= 1
            }
        }
        return components
    }

    /// Whether every level of `factor` lies inside a single cluster (fixest `cpp_check_nested`,
    /// pyfixest `count_fixef_fully_nested_all`): e.g. employees within teams.
    static func isNested(_ factor: FixedEffectFactor, in cluster: ClusterVariable) -> Bool {
        precondition(factor.codes.count == cluster.codes.count, "One cluster code per row is required")
        var clusterOfLevel = [Int32](repeating: -1, count: factor.levelCount)
        for i in factor.codes.indices {
            let level = Int(factor.codes[i])
            let c = cluster.codes[i]
            if clusterOfLevel[level] < 0 {
                clusterOfLevel[level] = c
            } else if clusterOfLevel[level] != c {
                return false
            }
        }
        return true
    }

    /// The parameter count K of `convention` for `slopes` kept columns; `nested[q]` says whether
    /// factor q is nested in a cluster variable of the covariance (all false when not clustered).
    ///
    /// See the table in `SmallSampleConvention` (fixest `R/VCOV.R`, pyfixest `utils.get_ssc`).
    static func parameterCount(
        slopes k: Int, levels: [Int], references: [Int], nested: [Bool], convention: SmallSampleConvention
    ) -> Int {
        let full = zip(levels, references).reduce(0) { $0 + $1.0 - $1.1 }
        switch convention.fixedEffects {
        case .none:
            return k
        case .full:
            return k + full
        case .nested:
            guard nested.contains(true) else { return k + full }
            // Every factor nested: only the constant they jointly span remains.
            if !nested.contains(false) { return k + 1 }
            let count: Int
            if convention.exactRedundancy {
                // fixest with fixef.force_exact: a nested factor's references become its size.
                count = k + levels.indices.reduce(0) { $0 + (nested[$1] ? 0 : levels[$1] - references[$1]) }
            } else {
                count = k + full - levels.indices.reduce(0) { $0 + (nested[$1] ? levels[$1] - 1 : 0) }
            }
            // fixest's guard: at least the slopes and a constant.
            return max(count, k + 1)
        }
    }
}
