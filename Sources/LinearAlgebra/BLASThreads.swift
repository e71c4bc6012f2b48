import CLinearAlgebra

/// The number of threads OpenBLAS uses for BLAS and LAPACK calls.
///
/// Set it deliberately: inside bootstrap workers that already occupy every core, one BLAS thread
/// per worker avoids oversubscription and keeps timings stable. The setting is process-wide.
/// Wraps `openblas_get_num_threads` / `openblas_set_num_threads`.
public enum BLASThreads {
    /// The current OpenBLAS thread count.
    public static var count: Int { Int(openblas_get_num_threads()) }

    /// Sets the OpenBLAS thread count for subsequent calls; a no-op when it is already `n`.
    ///
    /// Call it from one place while no other thread is inside a BLAS or LAPACK call: OpenBLAS
    /// rebuilds its thread pool and a concurrent call can crash the process.
    ///
    /// - Precondition: `n >= 1`.
    public static func set(_ n: Int) {
        precondition(n >= 1, "BLAS thread count must be at least 1, got \(n)")
        guard n != count else { return }
        openblas_set_num_threads(blasInt(n))
    }
}
