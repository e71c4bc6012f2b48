/// A dense, column-major matrix of `Double`, the storage layout BLAS and LAPACK expect.
///
/// Element `(i, j)` lives at `elements[i + j * rows]`. Operations that call BLAS/LAPACK live in
/// extensions by concern (`Matrix+BLAS.swift`, `Matrix+QR.swift`, …); this file holds only the
/// value type, its initializers and element access.
public struct Matrix: Equatable, Sendable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// Column-major storage, `rows * columns` long.
    public var elements: [Double]

    /// A `rows × columns` matrix with every element equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.elements = Array(repeating: value, count: rows * columns)
    }

    /// A matrix over existing column-major storage.
    public init(rows: Int, columns: Int, columnMajor elements: [Double]) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        precondition(elements.count == rows * columns, "Storage has \(elements.count) elements, expected \(rows * columns)")
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix from rows written out as nested arrays (convenient in tests and examples).
    public init(rowMajor rowArrays: [[Double]]) {
        let rowCount = rowArrays.count
        let columnCount = rowArrays.first?.count ?? 0
        precondition(rowArrays.allSatisfy { $0.count == columnCount }, "All rows must have the same length")
        var storage = [Double](repeating: 0, count: rowCount * columnCount)
        for i in 0..<rowCount {
            for j in 0..<columnCount { storage[i + j * rowCount] = rowArrays[i][j] }
        }
        self.init(rows: rowCount, columns: columnCount, columnMajor: storage)
    }

    /// A matrix whose columns are the given arrays, in order.
    public init(columnArrays: [[Double]]) {
        let rowCount = columnArrays.first?.count ?? 0
        precondition(columnArrays.allSatisfy { $0.count == rowCount }, "All columns must have the same length")
        self.init(rows: rowCount, columns: columnArrays.count, columnMajor: Array(columnArrays.joined()))
    }

    /// The `n × n` identity matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i + i * n] = 1 }
        return m
    }

    /// Element at row `i`, column `j` (zero-based).
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { elements[i + j * rows] }
        set { elements[i + j * rows] = newValue }
    }

    /// Column `j` as a new array.
    public func column(_ j: Int) -> [Double] {
        Array(elements[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as a new array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { elements[i + $0 * rows] }
    }

    /// The transpose, `Aᵀ`.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.elements[j + i * columns] = elements[i + j * rows] }
        }
        return t
    }

    /// Whether the matrix is square.
    public var isSquare: Bool { rows == columns }
}
