/// A numerical or size problem reported by BLAS/LAPACK, translated from LAPACK's `info` code.
///
/// LAPACK routines return `info = 0` on success, `info = -i` when argument `i` is illegal, and
/// `info > 0` for a routine-specific numerical failure (a zero pivot, a non-positive leading
/// minor, a failed iteration). Each case keeps the routine name and the 1-based index LAPACK
/// reported, so the message can be traced back to the LAPACK documentation of that routine.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A dimension does not fit LAPACK's 32-bit `lapack_int`.
    case dimensionTooLarge(Int)
    /// LAPACK rejected argument number `position` (`info < 0`).
    ///
    /// This module also reports a matrix or vector argument containing NaN or ±∞ this way (as
    /// LAPACKE does for NaN): the inputs of every factorization are scanned before the call.
    case illegalArgument(routine: String, position: Int)
    /// An exactly zero pivot at 1-based `index` (e.g. `dgetrf`, `dtrtrs`, `dtrtri`, `dpotri`).
    case singular(routine: String, index: Int)
    /// The leading minor of order `minor` is not positive (`dpotrf` with `info > 0`).
    case notPositiveDefinite(routine: String, minor: Int)
    /// An iterative routine (`dgesdd`, `dsyevr`) did not converge; `info` is LAPACK's code.
    case noConvergence(routine: String, info: Int)

    /// Plain-English explanation: what went wrong, what it means for a regression, what to do.
    public var description: String {
        switch self {
        case .dimensionTooLarge(let n):
            return "A matrix dimension of \(n) exceeds \(Int32.max), the largest size LAPACK's 32-bit "
                + "indices can address. Split the data (for example by group) or aggregate it before fitting."
        case .illegalArgument(let routine, let position):
            return "LAPACK routine \(routine) rejected argument \(position). This almost always means the input "
                + "contains NaN or infinite values: remove or impute missing values and check for divisions by zero or logs of non-positive numbers in derived variables."
        case .singular(let routine, let index):
            return "LAPACK routine \(routine) found an exactly zero pivot at position \(index): the matrix is "
                + "singular. In a regression this means some regressors are perfectly collinear (for example a "
                + "full set of dummies plus an intercept, or a variable that is constant within the fixed "
                + "effects); drop the redundant columns or use a rank-revealing least-squares fit."
        case .notPositiveDefinite(let routine, let minor):
            return "LAPACK routine \(routine) found that the leading minor of order \(minor) is not positive: "
                + "the matrix is not positive definite. A cross-product or covariance matrix that fails this "
                + "is singular or nearly so (collinear regressors, too few observations or clusters, or a "
                + "variable with no variation); drop redundant columns or use a pseudo-inverse."
        case .noConvergence(let routine, let info):
            return "LAPACK routine \(routine) did not converge (info = \(info)). This is rare and usually "
                + "caused by extremely badly scaled input; rescale the variables (e.g. to thousands instead of "
                + "units) and check for extreme values."
        }
    }
}
