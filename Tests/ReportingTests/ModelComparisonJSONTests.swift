import Foundation
import Testing

@testable import Reporting

@Suite("Model comparison as JSON")
struct ModelComparisonJSONTests {
    @Test("a hand-made comparison round-trips exactly and re-encodes to the same text")
    func roundTrip() throws {
        let comparison = sampleComparison()
        let text = try ReportJSON.text(comparison)
        let back = try ReportJSON.decode(ModelComparison.self, from: text)
        #expect(back == comparison)
        #expect(try ReportJSON.text(back) == text)
        #expect(back.rows[2].cells[1]?.estimate?.bitPattern == (1_500.2).bitPattern)
    }

    @Test("a comparison of the bundled fits round-trips with every bit of every double")
    func roundTripFits() throws {
        let comparison = ModelComparison(fits: try comparisonFits())
        let back = try ReportJSON.decode(ModelComparison.self, from: try ReportJSON.text(comparison))
        #expect(back == comparison)
        let bits = { (c: ModelComparison) in c.rows.flatMap { $0.cells.compactMap { $0?.standardError?.bitPattern } } }
        #expect(bits(back) == bits(comparison))
        #expect(back.models.map(\.rSquared.bitPattern) == comparison.models.map(\.rSquared.bitPattern))
    }

    @Test("the format tag, sorted keys, null for a missing coefficient, no estimate for a dropped one")
    func layout() throws {
        let text = try ReportJSON.text(sampleComparison())
        #expect(text.contains("\"format\" : \"impact-model-comparison/1\""))
        let top = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(Set(top.keys) == ["format", "level", "models", "rows", "stars"])
        let keys = top.keys.sorted()
        let positions = keys.compactMap { text.range(of: "\n  \"\($0)\" :")?.lowerBound }
        #expect(positions.count == keys.count && positions == positions.sorted())
        let rows = try #require(top["rows"] as? [[String: Any]])
        let intercept = try #require(rows.first { $0["name"] as? String == "Intercept" })
        let cells = try #require(intercept["cells"] as? [Any])
        #expect(cells[1] is NSNull)
        let post = try #require(rows.first { $0["name"] as? String == "post" })
        let dropped = try #require((post["cells"] as? [Any])?[1] as? [String: Any])
        #expect(dropped["dropped"] as? Bool == true)
        #expect(dropped["estimate"] == nil)
    }

    @Test("decoding rejects another format, a ragged row, no models and a bad level")
    func invalid() throws {
        let text = try ReportJSON.text(sampleComparison())
        let otherFormat = text.replacingOccurrences(of: "impact-model-comparison/1", with: "impact-regression-report/1")
        #expect(throws: DecodingError.self) { try ReportJSON.decode(ModelComparison.self, from: otherFormat) }
        var object = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        func decode(_ object: [String: Any]) throws -> ModelComparison {
            let data = try JSONSerialization.data(withJSONObject: object)
            return try ReportJSON.decode(ModelComparison.self, from: String(decoding: data, as: UTF8.self))
        }
        var rows = try #require(object["rows"] as? [[String: Any]])
        rows[0]["cells"] = [NSNull()]
        var ragged = object
        ragged["rows"] = rows
        #expect(throws: DecodingError.self) { try decode(ragged) }
        var empty = object
        empty["models"] = [Any]()
        empty["rows"] = [Any]()
        #expect(throws: DecodingError.self) { try decode(empty) }
        object["level"] = 95
        #expect(throws: DecodingError.self) { try decode(object) }
    }
}
