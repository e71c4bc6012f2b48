import CLinearAlgebra

/// Householder reflectors in LAPACK's compact form, as left by `dgeqrf` and `dgeqp3`.
///
/// `Q = H₀ H₁ ⋯ H_{k−1}` with `Hᵢ = I − τᵢ vᵢ vᵢᵀ`; `vᵢ` has an implicit 1 in row `i` and is stored
/// below the diagonal of column `i` of `factors`, whose upper trapezoid holds `R`
/// (LAPACK Users' Guide §5.4, "Representation of orthogonal matrices").
///
/// The application routines call the `LAPACKE_*_work` variants, which skip LAPACKE's NaN scan:
/// the factors were scanned when they were computed, and a NaN in a right-hand side should
/// propagate into the result rather than trap in a non-throwing API.
struct HouseholderReflectors: Sendable {
    /// `rows × columns` compact factors.
    let factors: Matrix
    /// The scalars `τᵢ`, `min(rows, columns)` of them.
    let tau: [Double]

    /// Applies `Q` (or `Qᵀ`) from the left to the `rows × nrhs` column-major `c` (LAPACK `dormqr`).
    func apply(to c: inout [Double], columns nrhs: Int, transpose: Bool) {
        let m = factors.rows
        let k = tau.count
        precondition(c.count == m * nrhs, "Right-hand side has \(c.count) elements, expected \(m * nrhs)")
        guard k > 0, nrhs > 0 else { return }
        let trans = lapackChar(transpose ? "T" : "N")
        let mm = blasInt(m)
        let nn = blasInt(nrhs)
        let kk = blasInt(k)
        factors.elements.withUnsafeBufferPointer { pa in
            tau.withUnsafeBufferPointer { pt in
                c.withUnsafeMutableBufferPointer { pc in
                    var query = 0.0
                    var info = LAPACKE_dormqr_work(
                        LAPACK_COL_MAJOR, lapackChar("L"), trans, mm, nn, kk, pa.baseAddress, mm,
                        pt.baseAddress, pc.baseAddress, mm, &query, -1)
                    requireLAPACKSuccess(info, routine: "dormqr")
                    var work = [Double](repeating: 0, count: Swift.max(1, Int(query)))
                    info = LAPACKE_dormqr_work(
                        LAPACK_COL_MAJOR, lapackChar("L"), trans, mm, nn, kk, pa.baseAddress, mm,
                        pt.baseAddress, pc.baseAddress, mm, &work, blasInt(work.count))
                    requireLAPACKSuccess(info, routine: "dormqr")
                }
            }
        }
    }

    /// The thin orthogonal factor, `rows × min(rows, columns)` with orthonormal columns (`dorgqr`).
    func thinQ() -> Matrix {
        let m = factors.rows
        let k = tau.count
        var q = factors.selectingColumns(Array(0..<k))
        guard k > 0 else { return q }
        let mm = blasInt(m)
        let kk = blasInt(k)
        q.elements.withUnsafeMutableBufferPointer { pq in
            tau.withUnsafeBufferPointer { pt in
                var query = 0.0
                var info = LAPACKE_dorgqr_work(
                    LAPACK_COL_MAJOR, mm, kk, kk, pq.baseAddress, mm, pt.baseAddress, &query, -1)
                requireLAPACKSuccess(info, routine: "dorgqr")
                var work = [Double](repeating: 0, count: Swift.max(1, Int(query)))
                info = LAPACKE_dorgqr_work(
                    LAPACK_COL_MAJOR, mm, kk, kk, pq.baseAddress, mm, pt.baseAddress, &work,
                    blasInt(work.count))
                requireLAPACKSuccess(info, routine: "dorgqr")
            }
        }
        return q
    }

    /// The upper-trapezoidal factor `R`, `min(rows, columns) × columns`, zeros below the diagonal.
    func upperTrapezoid() -> Matrix {
        let m = factors.rows
        let n = factors.columns
        let k = tau.count
        var r = Matrix(rows: k, columns: n)
        guard k > 0 else { return r }
        factors.elements.withUnsafeBufferPointer { pf in
            r.elements.withUnsafeMutableBufferPointer { pr in
                for j in 0..<n {
                    for i in 0...Swift.min(j, k - 1) { pr[i + j * k] = pf[i + j * m] }
                }
            }
        }
        return r
    }
}
