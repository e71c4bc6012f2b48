/// Accumulates one CSV column while the file is scanned, inferring its type on the way.
///
/// Inference picks the first type in the order integer → double → bool → date → categorical
/// that every non-missing value of the column fits; a column with no value at all is double.
/// Integers are a subset of doubles, and numbers, booleans and dates are disjoint, so the state
/// only ever moves integer → double, or from any type to categorical. The numeric promotion is
/// done in place; a move to categorical needs the original texts of the earlier rows, so the
/// column is marked `deferred` and `CSVReader` reads it again in a second pass.
struct CSVColumnBuilder {
    enum State {
        case empty, integer, double, bool, date, categorical, deferred
    }

    let name: String
    /// A type forced by `CSVOptions.columnTypes`: no inference, and a value that does not fit it
    /// makes `append` return `false`.
    let forced: ColumnType?
    private(set) var state: State
    private let capacity: Int
    private var rows = 0
    private var integers: [Int] = []  // integer and date columns
    private var doubles: [Double] = []
    private var booleans: [Bool] = []
    private var missing: [Bool] = []
    private var codes: [Int32] = []
    private var levelTable = CSVLevelTable()
    /// Rows of an integer column written `-0`, so that a promotion to double keeps their sign,
    /// as `Double("-0")` does.
    private var negativeZeroRows: [Int] = []

    init(name: String, forced: ColumnType?, capacity: Int) {
        self.name = name
        self.forced = forced
        self.capacity = capacity
        switch forced {
        case nil: state = .empty
        case .integer?: state = .integer
        case .double?: state = .double
        case .bool?: state = .bool
        case .date?: state = .date
        case .categorical?: state = .categorical
        }
        if state == .categorical {
            codes.reserveCapacity(capacity)
        } else {
            missing.reserveCapacity(capacity)
            reserveValues()
        }
    }

    /// Records a missing value.
    @inline(__always)
    mutating func appendMissing() {
        rows += 1
        switch state {
        case .empty: missing.append(true)
        case .integer, .date:
            integers.append(0)
            missing.append(true)
        case .double:
            doubles.append(.nan)
            missing.append(true)
        case .bool:
            booleans.append(false)
            missing.append(true)
        case .categorical: codes.append(-1)
        case .deferred: break
        }
    }

    /// Records a non-missing field; `false` if it does not fit the forced type.
    @inline(__always)
    mutating func append(_ field: CSVField, source: CSVSource) -> Bool {
        if state == .empty { decideType(field, source: source) }
        let stored = store(field, source: source)
        rows += 1
        return stored
    }

    @inline(__always)
    private mutating func store(_ field: CSVField, source: CSVSource) -> Bool {
        let p = source.bytes + field.start
        let n = field.count
        switch state {
        case .integer:
            if let v = NumberParser.parseInteger(p, count: n) {
                if v == 0 && p[0] == ASCII.minus { negativeZeroRows.append(rows) }
                integers.append(v)
                missing.append(false)
                return true
            }
            guard forced != .integer else { return false }
            guard let v = NumberParser.parseDouble(p, count: n) else { return demote() }
            promoteToDouble()
            doubles.append(v)
            missing.append(false)
        case .double:
            guard let v = NumberParser.parseDouble(p, count: n) else { return demote() }
            doubles.append(v)
            missing.append(false)
        case .bool:
            guard let v = CSVColumnBuilder.parseBool(p, count: n) else { return demote() }
            booleans.append(v)
            missing.append(false)
        case .date:
            guard let v = ISODate.parse(p, count: n) else { return demote() }
            integers.append(v)
            missing.append(false)
        case .categorical:
            if field.hasEscapedQuotes {
                let unescaped = Array(source.text(of: field).utf8)
                codes.append(unescaped.withUnsafeBufferPointer { levelTable.code(of: $0.baseAddress!, count: $0.count) })
            } else {
                codes.append(levelTable.code(of: p, count: n))
            }
        case .deferred, .empty:
            break
        }
        return true
    }

    /// The finished column. A deferred column must have been rebuilt as categorical instead.
    func makeColumn() -> Column {
        switch state {
        case .empty:
            // A column of only missing values is double: it can still enter a numeric model.
            return Column(name: name, values: .double([Double](repeating: .nan, count: rows), missing: missing))
        case .integer: return Column(name: name, values: .integer(integers, missing: missing))
        case .double: return Column(name: name, values: .double(doubles, missing: missing))
        case .bool: return Column(name: name, values: .bool(booleans, missing: missing))
        case .date: return Column(name: name, values: .date(daysSinceEpoch: integers, missing: missing))
        case .categorical:
            let (sortedLevels, newCode) = CSVColumnBuilder.sortLevels(levelTable.levels)
            let remapped = codes.map { $0 < 0 ? $0 : newCode[Int($0)] }
            return Column(name: name, values: .categorical(codes: remapped, levels: sortedLevels))
        case .deferred:
            preconditionFailure("column '\(name)' must be re-read as categorical")
        }
    }

    /// `true`, `false`, `TRUE`, `FALSE`, `True`, `False` (the spellings of R, Excel and Python).
    static func parseBool(_ p: UnsafePointer<UInt8>, count: Int) -> Bool? {
        func spells(_ words: [[UInt8]]) -> Bool {
            words.contains { word in word.count == count && (0..<count).allSatisfy { p[$0] == word[$0] } }
        }
        if count == 4 && spells(trueSpellings) { return true }
        if count == 5 && spells(falseSpellings) { return false }
        return nil
    }

    private static let trueSpellings = ["true", "TRUE", "True"].map { Array($0.utf8) }
    private static let falseSpellings = ["false", "FALSE", "False"].map { Array($0.utf8) }

    /// Levels sorted byte-wise by UTF-8 (the `ColumnValues` convention) and, for each old
    /// code, its new code.
    static func sortLevels(_ levels: [String]) -> ([String], [Int32]) {
        let order = levels.indices.sorted { levels[$0].utf8.lexicographicallyPrecedes(levels[$1].utf8) }
        var newCode = [Int32](repeating: 0, count: levels.count)
        for (rank, old) in order.enumerated() { newCode[old] = Int32(rank) }
        return (order.map { levels[$0] }, newCode)
    }

    /// Sets the type from the first non-missing value and back-fills the rows read so far.
    private mutating func decideType(_ field: CSVField, source: CSVSource) {
        let p = source.bytes + field.start
        let n = field.count
        if NumberParser.parseInteger(p, count: n) != nil {
            state = .integer
        } else if NumberParser.parseDouble(p, count: n) != nil {
            state = .double
        } else if CSVColumnBuilder.parseBool(p, count: n) != nil {
            state = .bool
        } else if ISODate.parse(p, count: n) != nil {
            state = .date
        } else {
            state = .categorical
            codes = [Int32](repeating: -1, count: rows)
            codes.reserveCapacity(capacity)
            missing = []
            return
        }
        reserveValues()
        switch state {
        case .integer, .date: integers.append(contentsOf: repeatElement(0, count: rows))
        case .double: doubles.append(contentsOf: repeatElement(.nan, count: rows))
        case .bool: booleans.append(contentsOf: repeatElement(false, count: rows))
        default: break
        }
    }

    private mutating func reserveValues() {
        switch state {
        case .integer, .date: integers.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .bool: booleans.reserveCapacity(capacity)
        default: break
        }
    }

    /// Integer → double, keeping missing placeholders as NaN and the sign of `-0`.
    private mutating func promoteToDouble() {
        doubles.reserveCapacity(Swift.max(capacity, integers.count + 1))
        for (v, isMissing) in zip(integers, missing) { doubles.append(isMissing ? .nan : Double(v)) }
        for row in negativeZeroRows { doubles[row] = -0.0 }
        integers = []
        negativeZeroRows = []
        state = .double
    }

    /// Gives up on a typed column: it becomes categorical, re-read in a second pass.
    /// Returns `false` (a data error) if the type was forced.
    private mutating func demote() -> Bool {
        guard forced == nil else { return false }
        state = .deferred
        integers = []
        doubles = []
        booleans = []
        missing = []
        return true
    }
}
