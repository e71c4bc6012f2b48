import Distributions
import LinearAlgebra

/// Wald test of the linear hypothesis `R b = r`, in chi-square and F form.
///
/// `W = (Rb − r)ᵀ (R V Rᵀ)⁺ (Rb − r)`, `W ~ χ²(q)` and `F = W / q ~ F(q, df)` with q the rank of
/// `R V Rᵀ` and df the covariance's inference degrees of freedom. With a robust V this is the
/// robust Wald F that statsmodels reports as `fvalue` for `cov_type != "nonrobust"`
/// (`wald_test(use_f=True)`: pseudo-inverse with `rcond = 1e-15`, q reduced to
/// `matrix_rank(R V Rᵀ)` when the constraints' covariance is rank deficient, as happens with
/// fewer clusters than constraints); with the classical V it equals the usual model F.
public struct WaldTest: Sendable, CustomStringConvertible {
    /// Number of rows of R.
    public let restrictions: Int
    /// Rank of `R V Rᵀ`: the numerator degrees of freedom actually tested.
    public let rank: Int
    /// `W`.
    public let chiSquare: Double
    /// `P(χ²(rank) > W)`.
    public let chiSquarePValue: Double
    /// `W / rank`.
    public let fStatistic: Double
    /// `rank`, as a Double for the F distribution.
    public let numeratorDegreesOfFreedom: Double
    /// The covariance's inference df (N − K, or G − 1 for clusters).
    public let denominatorDegreesOfFreedom: Double
    /// `P(F(rank, df) > F)`.
    public let fPValue: Double

    /// Tests `R b = r` for estimates `b` (length k) with covariance `V` (k × k).
    ///
    /// - Parameters:
    ///   - restrictions: R, `q × k` (programmer error if the shape does not match).
    ///   - values: r, length q; zeros when `nil`.
    /// - Throws: `LinearAlgebraError` if the eigen-decomposition of `R V Rᵀ` fails.
    public init(
        estimates b: [Double], covariance v: Matrix, restrictions r: Matrix, values: [Double]? = nil,
        denominatorDegreesOfFreedom: Double
    ) throws {
        let k = b.count
        let q = r.rows
        precondition(v.rows == k && v.columns == k, "Covariance must be k × k for k estimates")
        precondition(r.columns == k && q > 0, "R must have k columns and at least one row")
        precondition(values.map { $0.count == q } ?? true, "r must have one value per row of R")
        var d = r.times(b)
        if let values { for j in 0..<q { d[j] -= values[j] } }
        let c = Matrix.product(r, Matrix.product(v, r, transposeB: true)).symmetrized()
        let eigen = try SymmetricEigen(c)
        let largest = eigen.values.map(abs).max() ?? 0
        // numpy: pinv drops singular values ≤ 1e-15·s_max; matrix_rank counts those > q·eps·s_max.
        let inverseCutoff = 1e-15 * largest
        let rankCutoff = Double(q) * Double.ulpOfOne * largest
        var w = 0.0
        var rank = 0
        for j in 0..<q {
            let lambda = eigen.values[j]
            if abs(lambda) > rankCutoff { rank += 1 }
            guard abs(lambda) > inverseCutoff else { continue }
            var projection = 0.0
            for i in 0..<q { projection += eigen.vectors[i, j] * d[i] }
            w += projection * projection / lambda
        }
        self.restrictions = q
        self.rank = rank
        self.chiSquare = w
        self.numeratorDegreesOfFreedom = Double(rank)
        self.denominatorDegreesOfFreedom = denominatorDegreesOfFreedom
        if rank > 0 {
            self.fStatistic = w / Double(rank)
            self.chiSquarePValue = ChiSquared(degreesOfFreedom: Double(rank)).survival(w)
            self.fPValue = FDistribution(
                numeratorDegreesOfFreedom: Double(rank),
                denominatorDegreesOfFreedom: denominatorDegreesOfFreedom
            ).survival(w / Double(rank))
        } else {
            self.fStatistic = .nan
            self.chiSquarePValue = .nan
            self.fPValue = .nan
        }
    }

    /// `F(q, df) = …, p = …; χ²(q) = …, p = …`.
    public var description: String {
        "F(\(formatCount(numeratorDegreesOfFreedom)), \(formatCount(denominatorDegreesOfFreedom))) = "
            + "\(formatStatistic(fStatistic)), p = \(formatPValue(fPValue)); "
            + "χ²(\(rank)) = \(formatStatistic(chiSquare)), p = \(formatPValue(chiSquarePValue))"
    }
}
