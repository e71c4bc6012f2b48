import DataFrameModule
import Testing

@testable import ModelSpec

/// Small frames built directly from columns (`nil` = missing) for the design tests.
enum Fixtures {
    static func doubles(_ name: String, _ values: [Double?]) -> Column {
        Column(name: name, values: .double(values.map { $0 ?? .nan }, missing: values.map { $0 == nil }))
    }

    static func ints(_ name: String, _ values: [Int?]) -> Column {
        Column(name: name, values: .integer(values.map { $0 ?? 0 }, missing: values.map { $0 == nil }))
    }

    static func bools(_ name: String, _ values: [Bool?]) -> Column {
        Column(name: name, values: .bool(values.map { $0 ?? false }, missing: values.map { $0 == nil }))
    }

    /// Categorical column with sorted levels, as the DataFrame module stores them.
    static func strings(_ name: String, _ values: [String?]) -> Column {
        let levels = Array(Set(values.compactMap { $0 })).sorted()
        let codes = values.map { v in v.map { Int32(levels.firstIndex(of: $0)!) } ?? -1 }
        return Column(name: name, values: .categorical(codes: codes, levels: levels))
    }

    static func dates(_ name: String, _ values: [String?]) -> Column {
        let days = values.map { $0.flatMap { ISODate.parse(Substring($0)) } ?? 0 }
        return Column(name: name, values: .date(daysSinceEpoch: days, missing: values.map { $0 == nil }))
    }

    /// Eight complete rows with every column type.
    static let y: [Double] = [10, 12, 9, 15, 11, 14, 13, 16]
    static let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
    static let z: [Double] = [0.5, -1, 2, 0, 1.5, 3, -2, 1]
    static let region = ["North", "South", "East", "North", "South", "East", "North", "South"]
    static let team = ["a", "a", "b", "b", "c", "c", "a", "b"]
    static let flag = [true, false, true, false, true, false, true, false]
    static let grade = [9, 10, 11, 9, 10, 11, 10, 9]
    static let start = ["2024-01-01", "2024-01-02", "2024-01-01", "2024-03-01", "2024-01-02", "2024-01-01", "2024-03-01", "2024-01-02"]

    static func staff() throws -> DataFrame {
        try DataFrame(columns: [
            doubles("y", y), doubles("x", x), doubles("z", z), strings("region", region), strings("team", team),
            bools("flag", flag), ints("grade", grade), dates("start", start), doubles("w", [1, 2, 1, 2, 1, 2, 1, 2]),
        ])
    }
}

extension DesignMatrix {
    /// Column called `name`, or a recorded failure and `nil`.
    func values(of name: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Double]? {
        guard let j = columnNames.firstIndex(of: name) else {
            Issue.record("no column \(name) among \(columnNames)", sourceLocation: sourceLocation)
            return nil
        }
        return x.column(j)
    }
}

/// 1 where `condition` holds, else 0.
func indicator<T>(_ values: [T], _ condition: (T) -> Bool) -> [Double] { values.map { condition($0) ? 1 : 0 } }
