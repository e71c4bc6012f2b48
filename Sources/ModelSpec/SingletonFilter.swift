/// Finds the rows that are alone in their level of some absorbed fixed effect, iterated to a
/// fixed point: dropping a singleton of one factor can leave a singleton in another.
///
/// A singleton's own fixed effect fits it exactly (residual 0, leverage 1), so it adds nothing to
/// the slopes but would count in N and in the small-sample factors. Correia (2015, "Singletons,
/// cluster-robust standard errors and fixed effects: a bad mix") shows that keeping them can
/// overstate significance; Stata `reghdfe` and pyfixest (`fixef_rm = "singleton"`) drop them by
/// default, R fixest keeps them (`fixef.rm = "perfect"` only acts in GLMs).
///
/// Same fixed point as pyfixest `detect_singletons` (which sweeps the factors in turn until no
/// change); each dropped row is charged to the factor in which it was first seen alone.
enum SingletonFilter {
    /// Keep flags per row and the number of rows dropped per factor (factor order).
    ///
    /// Cost: `O(N · Q)` per sweep; the number of sweeps is small in practice (each one after the
    /// first only revisits rows whose level counts changed in the previous one).
    static func find(_ factors: [FixedEffectFactor], rowCount n: Int) -> (keep: [Bool], dropped: [Int]) {
        var keep = [Bool](repeating: true, count: n)
        var dropped = [Int](repeating: 0, count: factors.count)
        guard !factors.isEmpty else { return (keep, dropped) }
        var counts = factors.map { f -> [Int32] in
            var c = [Int32](repeating: 0, count: f.levelCount)
            for code in f.codes { c[Int(code)] += 1 }
            return c
        }
        var changed = true
        while changed {
            changed = false
            for (q, factor) in factors.enumerated() {
                for i in 0..<n where keep[i] && counts[q][Int(factor.codes[i])] == 1 {
                    keep[i] = false
                    dropped[q] += 1
                    changed = true
                    // The row leaves every factor, which may create singletons elsewhere.
                    for h in factors.indices { counts[h][Int(factors[h].codes[i])] -= 1 }
                }
            }
        }
        return (keep, dropped)
    }
}
