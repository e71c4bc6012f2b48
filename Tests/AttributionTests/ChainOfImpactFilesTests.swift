import Foundation
import Testing

@testable import Attribution

@Suite("Chain of impact levels 1–3 from CSV files")
struct ChainOfImpactFilesTests {
    static func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID().uuidString).csv").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("reaction ratings: non-responses are counted, mean and top-two-box share by hand")
    func reaction() throws {
        let path = try Self.file("participant,rating\n1,5\n2,4\n3,\n4,2\n5,3\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try ChainOfImpact.reaction(csv: path)
        #expect(summary.respondents == 4 && summary.missing == 1)
        #expect(summary.mean == 3.5)
        #expect(summary.shareFavourable == 0.5)
    }

    @Test("paired assessment scores: an incomplete pair is counted, the change is the paired mean")
    func learning() throws {
        let path = try Self.file("pre,post\n50,60\n55,70\n60,62\n,80\n40,52\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try ChainOfImpact.learning(csv: path)
        #expect(summary.pairs == 4 && summary.incompletePairs == 1)
        let expected: Double = (10.0 + 15.0 + 2.0 + 12.0) / 4.0
        #expect(summary.meanChange == expected)
    }

    @Test("application: empty cells are non-responses; a value other than 0/1 names the file, column and row")
    func application() throws {
        let path = try Self.file("participant,applied\n1,1\n2,0\n3,\n4,1\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let summary = try ChainOfImpact.application(csv: path)
        #expect(summary.respondents == 3 && summary.nonRespondents == 1 && summary.applying == 2)
        let bad = try Self.file("applied\n1\n2\n")
        defer { try? FileManager.default.removeItem(atPath: bad) }
        #expect(throws: ImpactLevelError.unusableColumn(file: bad, column: "applied", problem: "has 2.0 in data row 2; code application as 0/1")) {
            try ChainOfImpact.application(csv: bad)
        }
    }

    @Test("a missing or non-numeric column is a typed error that lists the file's columns")
    func columns() throws {
        let path = try Self.file("name,score\na,x\nb,y\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try ChainOfImpact.reaction(csv: path)
            Issue.record("a missing column should fail")
        } catch {
            #expect("\(error)".contains("column 'rating' is not in the file (columns: name, score)"))
        }
        #expect(throws: ImpactLevelError.self) { try ChainOfImpact.reaction(csv: path, column: "score") }
    }
}
