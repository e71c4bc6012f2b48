/// Sub-matrices, the diagonal and symmetry checks.
extension Matrix {
    /// A square matrix with `values` on the diagonal and zeros elsewhere.
    public init(diagonal values: [Double]) {
        self.init(rows: values.count, columns: values.count)
        for i in values.indices { elements[i + i * values.count] = values[i] }
    }

    /// The columns at `indices`, in that order (repeats allowed).
    ///
    /// - Precondition: every index is in `0..<columns`.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        var result = Matrix(rows: rows, columns: indices.count)
        let m = rows
        elements.withUnsafeBufferPointer { source in
            result.elements.withUnsafeMutableBufferPointer { target in
                for (position, j) in indices.enumerated() {
                    precondition(j >= 0 && j < columns, "Column index \(j) out of range 0..<\(columns)")
                    guard m > 0 else { continue }
                    // Columns are contiguous in column-major storage: one block copy each.
                    (target.baseAddress! + position * m).update(from: source.baseAddress! + j * m, count: m)
                }
            }
        }
        return result
    }

    /// The rows at `indices`, in that order (repeats allowed, as in a bootstrap resample).
    ///
    /// - Precondition: every index is in `0..<rows`.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        for i in indices { precondition(i >= 0 && i < rows, "Row index \(i) out of range 0..<\(rows)") }
        var result = Matrix(rows: indices.count, columns: columns)
        let m = rows
        let r = indices.count
        elements.withUnsafeBufferPointer { source in
            indices.withUnsafeBufferPointer { index in
                result.elements.withUnsafeMutableBufferPointer { target in
                    for j in 0..<columns {
                        let sourceOffset = j * m
                        let targetOffset = j * r
                        for t in 0..<r { target[targetOffset + t] = source[sourceOffset + index[t]] }
                    }
                }
            }
        }
        return result
    }

    /// The main diagonal `(a₀₀, a₁₁, …)`, of length `min(rows, columns)`.
    public var diagonal: [Double] {
        (0..<Swift.min(rows, columns)).map { elements[$0 + $0 * rows] }
    }

    /// Whether `|aᵢⱼ − aⱼᵢ| ≤ tolerance · max|aₖₗ|` for all `i, j`.
    ///
    /// The tolerance is relative to the largest element so that the test does not depend on the
    /// units of the data; `tolerance: 0` asks for exact symmetry. Non-square matrices are not
    /// symmetric; a matrix containing NaN is not symmetric.
    public func isSymmetric(tolerance: Double) -> Bool {
        precondition(tolerance >= 0, "Tolerance must be non-negative")
        guard isSquare else { return false }
        let n = rows
        return elements.withUnsafeBufferPointer { p in
            var largest = 0.0
            for x in p {
                guard x.isFinite else { return false }
                largest = Swift.max(largest, Swift.abs(x))
            }
            let bound = tolerance * largest
            for j in 0..<n {
                for i in 0..<j where !(Swift.abs(p[i + j * n] - p[j + i * n]) <= bound) {
                    return false
                }
            }
            return true
        }
    }
}
