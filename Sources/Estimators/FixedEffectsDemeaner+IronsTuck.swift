/// Alternating projections accelerated by Irons & Tuck, as fixest.
extension FixedEffectsDemeaner {
    /// Alternating projections on the coefficients, accelerated by Irons & Tuck (1969).
    ///
    /// The iterate is the coefficient vector of every factor but the last (the last block is a
    /// function of the others within a sweep, so it carries no state). With `G` one sweep,
    /// `X → G(X) → G(G(X))` is extrapolated to `GGX − ((ΔGX·Δ²X)/(Δ²X·Δ²X)) ΔGX`, where
    /// `ΔGX = GGX − GX` and `Δ²X = GGX − 2GX + X` (Irons & Tuck's vector form, as fixest's
    /// `dm_update_X_IronsTuck`). The loop stops when one sweep moves no coefficient by more than
    /// `threshold`, and returns the last sweep's coefficients (all blocks consistent).
    func ironsTuck(
        rhs: [Double], threshold: Double, options: DemeaningOptions
    ) -> ([Double], Int, Bool) {
        let total = offsets[factors.count]
        let state = offsets[factors.count - 1]
        var x = [Double](repeating: 0, count: total)
        var gx = [Double](repeating: 0, count: total)
        var ggx = [Double](repeating: 0, count: total)
        sweep(from: x, into: &gx, rhs: rhs)
        var sweeps = 1
        var converged = largestChange(x, gx, count: state) <= threshold
        // Each round costs two sweeps; never exceed the allowed number.
        while !converged && sweeps + 2 <= options.maximumIterations {
            sweep(from: gx, into: &ggx, rhs: rhs)
            sweeps += 1
            var product = 0.0
            var squares = 0.0
            for l in 0..<state {
                let d1 = ggx[l] - gx[l]
                let d2 = d1 - gx[l] + x[l]
                product += d1 * d2
                squares += d2 * d2
            }
            if squares == 0 {
                // GGX = GX = X to the last bit: a fixed point.
                swap(&gx, &ggx)
                converged = true
                break
            }
            let step = product / squares
            for l in 0..<state { x[l] = ggx[l] - step * (ggx[l] - gx[l]) }
            sweep(from: x, into: &gx, rhs: rhs)
            sweeps += 1
            converged = largestChange(x, gx, count: state) <= threshold
        }
        return (gx, sweeps, converged)
    }
}
