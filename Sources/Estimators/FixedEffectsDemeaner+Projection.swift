/// The projection of one column: exact for one factor, accelerated alternating projections for more.
extension FixedEffectsDemeaner {
    /// Writes `x − D a` into `out` and reports the sweeps used and whether the tolerance was met.
    func demeanColumn(
        _ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>, options: DemeaningOptions
    ) -> (sweeps: Int, converged: Bool) {
        let n = rowCount
        let total = offsets[factors.count]
        // The effects span the constant, so x − mean has the same projection residual; centering
        // keeps the coefficients at the scale of the variation, not of the level, so the stopping
        // rule below is not swamped by rounding of a large mean.
        let (mean, scale) = center(x, into: out)
        // A constant column lies in the span of every factor's dummies: its projection is exact.
        // (Rounding in the mean can leave a spread of a few ulps; that is still a constant.)
        guard scale > 1e-13 * abs(mean) && scale > 0 else {
            for i in 0..<n { out[i] = 0 }
            return (1, true)
        }
        // Σ_{i∈level} wᵢxᵢ for every level of every factor: the right-hand side of each block update.
        var rhs = [Double](repeating: 0, count: total)
        rhs.withUnsafeMutableBufferPointer { r in
            for (q, f) in factors.enumerated() {
                let base = offsets[q]
                f.codes.withUnsafeBufferPointer { c in
                    if let weights {
                        weights.withUnsafeBufferPointer { w in
                            for i in 0..<n { r[base + Int(c[i])] += w[i] * out[i] }
                        }
                    } else {
                        for i in 0..<n { r[base + Int(c[i])] += out[i] }
                    }
                }
            }
        }
        var coefficients = [Double](repeating: 0, count: total)
        var sweeps = 1
        var converged = true
        if factors.count == 1 {
            // One factor: the weighted level means, exact.
            for l in 0..<total { coefficients[l] = rhs[l] * inverseWeightSums[l] }
        } else {
            let threshold = options.tolerance * scale
            switch options.method {
            case .conjugateGradient:
                (coefficients, sweeps, converged) = conjugateGradient(rhs: rhs, threshold: threshold, options: options)
            case .ironsTuck:
                (coefficients, sweeps, converged) = ironsTuck(rhs: rhs, threshold: threshold, options: options)
            }
        }
        subtractEffects(coefficients, from: out)
        return (sweeps, converged)
    }

    /// One block Gauss–Seidel sweep, last factor first (as fixest): block q becomes the weighted
    /// level means of `x − Σ_{h≠q} a_h`, using the new blocks h > q and the old blocks h < q of
    /// `origin`; written into `destination`. The last block of `origin` is never read.
    func sweep(from origin: [Double], into destination: inout [Double], rhs: [Double]) {
        let q = factors.count
        let n = rowCount
        origin.withUnsafeBufferPointer { a in
            destination.withUnsafeMutableBufferPointer { b in
                for block in stride(from: q - 1, through: 0, by: -1) {
                    let base = offsets[block]
                    let size = offsets[block + 1] - base
                    for l in 0..<size { b[base + l] = rhs[base + l] }
                    if q == 2 {
                        // The common case, with a single other factor, written without inner loop.
                        let other = 1 - block
                        let source = block == 1 ? a : UnsafeBufferPointer(b)
                        scatterTwo(
                            own: factors[block].codes, other: factors[other].codes, otherBase: offsets[other],
                            values: source, into: b, base: base, rows: n)
                    } else {
                        scatterMany(block: block, old: a, new: b, base: base, rows: n)
                    }
                    for l in 0..<size { b[base + l] *= inverseWeightSums[base + l] }
                }
            }
        }
    }

    /// `b[base + c_own(i)] −= wᵢ · values[otherBase + c_other(i)]` over all rows.
    private func scatterTwo(
        own: [Int32], other: [Int32], otherBase: Int, values: UnsafeBufferPointer<Double>,
        into b: UnsafeMutableBufferPointer<Double>, base: Int, rows n: Int
    ) {
        own.withUnsafeBufferPointer { co in
            other.withUnsafeBufferPointer { ct in
                if let weights {
                    weights.withUnsafeBufferPointer { w in
                        for i in 0..<n { b[base + Int(co[i])] -= w[i] * values[otherBase + Int(ct[i])] }
                    }
                } else {
                    for i in 0..<n { b[base + Int(co[i])] -= values[otherBase + Int(ct[i])] }
                }
            }
        }
    }

    /// The general update of `block`: subtract, per row, the weighted sum of the other factors'
    /// coefficients (new values for later blocks, old ones for earlier blocks).
    private func scatterMany(
        block: Int, old a: UnsafeBufferPointer<Double>, new b: UnsafeMutableBufferPointer<Double>, base: Int, rows n: Int
    ) {
        let q = factors.count
        rowIndices.withUnsafeBufferPointer { index in
            let w = weights
            for i in 0..<n {
                let row = i * q
                var s = 0.0
                for h in 0..<block { s += a[Int(index[row + h])] }
                for h in (block + 1)..<q { s += b[Int(index[row + h])] }
                b[Int(index[row + block])] -= (w?[i] ?? 1) * s
            }
        }
    }

    /// `out −= Σ_q a_q[c_q(i)]`.
    private func subtractEffects(_ a: [Double], from out: UnsafeMutableBufferPointer<Double>) {
        a.withUnsafeBufferPointer { a in
            for (q, f) in factors.enumerated() {
                let base = offsets[q]
                f.codes.withUnsafeBufferPointer { c in
                    for i in 0..<rowCount { out[i] -= a[base + Int(c[i])] }
                }
            }
        }
    }

    /// Largest `|a_l − b_l|` over the first `count` coefficients, floored at the rounding level of
    /// the coefficients themselves (a few ulps of the largest), below which no sweep can go.
    func largestChange(_ a: [Double], _ b: [Double], count: Int) -> Double {
        var worst = 0.0
        var largest = 0.0
        for l in 0..<count {
            worst = max(worst, abs(a[l] - b[l]))
            largest = max(largest, abs(b[l]))
        }
        return worst <= 16 * Double.ulpOfOne * largest ? 0 : worst
    }

    /// Writes `x − x̄` into `out` and returns the weighted mean and standard deviation of `x`
    /// (population form; two passes, the second over the centered values).
    private func center(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>) -> (
        mean: Double, sd: Double
    ) {
        let n = rowCount
        var sw = 0.0
        var swx = 0.0
        var ss = 0.0
        if let weights {
            weights.withUnsafeBufferPointer { w in
                for i in 0..<n {
                    sw += w[i]
                    swx += w[i] * x[i]
                }
                let mean = swx / sw
                for i in 0..<n {
                    out[i] = x[i] - mean
                    ss += w[i] * out[i] * out[i]
                }
            }
        } else {
            for i in 0..<n { swx += x[i] }
            sw = Double(n)
            let mean = swx / sw
            for i in 0..<n {
                out[i] = x[i] - mean
                ss += out[i] * out[i]
            }
        }
        return (swx / sw, (ss / sw).squareRoot())
    }
}
