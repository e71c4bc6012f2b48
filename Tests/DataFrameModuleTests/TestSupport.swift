import Testing

@testable import DataFrameModule

/// Reads inline CSV text, naming it `t.csv` in errors.
func readCSV(_ text: String, _ options: CSVOptions = .init()) throws -> DataFrame {
    try DataFrame.readCSV(text: text, name: "t.csv", options: options)
}

/// The location and problem of the `malformedCSV` error that reading `bytes` raises, or `nil`.
func malformedCSVError(bytes: [UInt8], _ options: CSVOptions = .init()) -> (line: Int, column: Int, problem: String)? {
    do {
        _ = try CSVReader(options: options).read(bytes: bytes, name: "t.csv")
        return nil
    } catch let DataError.malformedCSV(file, line, column, problem, advice) {
        #expect(file == "t.csv")
        #expect(!advice.isEmpty)
        return (line, column, problem)
    } catch {
        return nil
    }
}

/// The location and problem of the `malformedCSV` error that reading `text` raises, or `nil`.
func malformedCSVError(_ text: String, _ options: CSVOptions = .init()) -> (line: Int, column: Int, problem: String)? {
    malformedCSVError(bytes: Array(text.utf8), options)
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small seeded generator so tests are reproducible.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension Column {
    /// Texts of all rows (missing as `NA`), for compact expectations.
    var texts: [String] { (0..<count).map { text(at: $0) } }
}
