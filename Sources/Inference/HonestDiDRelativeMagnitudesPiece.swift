/// One convex piece of the relative-magnitudes set: `Δ^RM_{s,±}(M̄)`, where the largest pre-period
/// violation is the first difference ending at pre-period `s` with sign `±`.
///
/// `Δ^RM(M̄) = {δ : |δ_{t+1} − δ_t| ≤ M̄ · max_{r<0} |δ_{r+1} − δ_r| for t ≥ 0}` (with `δ_0 = 0` at
/// the reference period) is the union over `s ∈ {−(T̲−1), …, 0}` and the sign of the polyhedral
/// cones `A_{s,±} δ ≤ 0`: pre-period differences bounded by `±(δ_s − δ_{s−1})`, post-period ones
/// by `M̄` times it (Rambachan & Roth 2023, Section 2.4.1; rows as in `HonestDiD:::.create_A_RM`).
/// Only rows that involve post-period coefficients enter the test, HonestDiD's default
/// `postPeriodMomentsOnly = TRUE`.
///
/// The target `θ = l'τ_post` is separated from the nuisance directions by `Γ` (first row `l'`, then
/// unit vectors), so that the moments are `y(θ) = Aβ̂ − A_post Γ⁻¹ e₁ θ` and the nuisance
/// coefficients `X = A_post Γ⁻¹[:, 2…]` (Rambachan & Roth 2023, Section 5.3).
struct HonestDiDRelativeMagnitudesPiece {
    /// `A β̂` (`m`).
    let momentsAtZero: [Double]
    /// `A_post Γ⁻¹ e₁`: how the moments move with `θ`.
    let thetaColumn: [Double]
    /// `A` (`m × T`), kept for the least-favourable draws.
    let constraints: [[Double]]
    let test: HonestDiDMomentTest

    init(study: HonestDiDEventStudy, weights: [Double], largestDifferenceAt s: Int, positive: Bool, mbar: Double) {
        let pre = study.prePeriods
        let total = pre + study.postPeriods
        // Columns 0…total of the full vector, the reference period at column `pre`.
        func difference(_ r: Int) -> [Double] {
            var row = [Double](repeating: 0, count: total + 1)
            row[r] = -1
            row[r + 1] = 1
            return row
        }
        let sign: Double = positive ? 1 : -1
        let largest = difference(pre + s - 1).map { sign * $0 }
        var rows: [[Double]] = []
        for flip in [1.0, -1.0] {
            for r in 0..<total {
                let bound = r < pre ? 1 : mbar
                rows.append(zip(difference(r), largest).map { flip * $0 - bound * $1 })
            }
        }
        // Drop the zero rows (the largest difference bounding itself) and the reference column, then
        // keep the rows that involve a post-period coefficient.
        let kept = rows
            .filter { $0.reduce(0) { $0 + $1 * $1 } > 1e-10 }
            .map { row in Array(row[..<pre]) + Array(row[(pre + 1)...]) }
            .filter { row in row[pre...].contains { $0 != 0 } }
        constraints = kept
        momentsAtZero = HonestDiDDense.times(kept, study.estimates)

        let gammaInverse = Self.gammaInverse(weights)
        let post = kept.map { Array($0[pre...]) }
        let transformed = post.map { row in
            (0..<weights.count).map { j in (0..<weights.count).reduce(0) { $0 + row[$1] * gammaInverse[$1][j] } }
        }
        thetaColumn = transformed.map { $0[0] }
        test = HonestDiDMomentTest(
            nuisance: transformed.map { Array($0.dropFirst()) },
            covariance: HonestDiDDense.sandwich(kept, study.covariance))
    }

    /// The moments at `θ`.
    func moments(theta: Double) -> [Double] {
        zip(momentsAtZero, thetaColumn).map { $0 - $1 * theta }
    }

    /// `Γ⁻¹` for `Γ` with first row `l'` and then the unit vectors `e_j'` for every `j` except the
    /// last nonzero entry of `l`: the rows HonestDiD picks as the pivots of the reduced row echelon
    /// form of `[l, I]` (the greedy basis `l, e₁, e₂, …` skips exactly that `e_j`).
    static func gammaInverse(_ l: [Double]) -> [[Double]] {
        let n = l.count
        let last = l.lastIndex { $0 != 0 }!
        var gamma = [l]
        for j in 0..<n where j != last {
            gamma.append((0..<n).map { $0 == j ? 1 : 0 })
        }
        // Γ is a permuted triangular matrix with pivot l_last ≠ 0: always invertible.
        return HonestDiDDense.inverse(gamma)!
    }
}
