import Foundation

/// JSON writing and reading for report values, with one fixed configuration so that output is
/// stable (byte-identical for equal values) and round-trips.
///
/// - keys sorted and output pretty-printed (`.sortedKeys`, `.prettyPrinted`), slashes unescaped;
/// - doubles in Swift's shortest round-trip form (what `JSONEncoder` writes), so decoding gives
///   back the same bits;
/// - infinities and NaN, which JSON cannot express, as the strings `"Infinity"`, `"-Infinity"`
///   and `"NaN"` (the spelling JavaScript's `Number()` and Python's `float()` accept).
public enum ReportJSON {
    /// The encoder used for every report.
    public static func makeEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    /// The matching decoder.
    public static func makeDecoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    /// `value` as JSON text ending with a newline.
    public static func text<T: Encodable>(_ value: T) throws -> String {
        let data = try makeEncoder().encode(value)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A value decoded from JSON text written by `text(_:)`.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try makeDecoder().decode(type, from: Data(text.utf8))
    }
}
