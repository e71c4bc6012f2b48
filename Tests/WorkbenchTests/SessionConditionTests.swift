import DataFrameModule
import Foundation
import Testing

@testable import Workbench

@Suite("Session conditions: & | ! and parentheses")
struct SessionConditionTests {
    /// Six people: region, tenure, sales (one missing).
    func frame() throws -> DataFrame {
        try DataFrame.readCSV(
            text: "id,region,tenure,sales\n1,North,10,100\n2,East,20,\n3,North,30,400\n4,South,15,50\n5,East,5,300\n6,West,40,20\n")
    }

    func ids(_ condition: String) throws -> [Int] {
        let frame = try frame()
        let matches = try SessionCondition.parse(condition).matches(in: frame)
        return matches.indices.filter { matches[$0] }.map { $0 + 1 }
    }

    @Test("& binds tighter than |, ! tighter than &, parentheses override")
    func precedence() throws {
        // a | b & c is a | (b & c): North, or East with tenure > 10.
        #expect(try ids("region == \"North\" | region == \"East\" & tenure > 10") == [1, 2, 3])
        // (a | b) & c: North or East, then tenure > 10.
        #expect(try ids("(region == \"North\" | region == \"East\") & tenure > 10") == [2, 3])
        // !a & b is (!a) & b.
        #expect(try ids("!region == \"North\" & tenure >= 15") == [2, 4, 6])
        #expect(try ids("!(region == \"North\" & tenure >= 15)") == [1, 2, 4, 5, 6])
        #expect(try ids("!!(tenure < 11)") == [1, 5])
        // Left to right for a chain of the same operator.
        #expect(try ids("tenure < 11 | tenure > 35 | region == \"South\"") == [1, 4, 5, 6])
    }

    @Test("a comparison on a missing value is unknown: ! keeps it unknown, & false and | true decide")
    func missingValues() throws {
        // Row 2 has no sales.
        #expect(try ids("sales > 60") == [1, 3, 5])
        #expect(try ids("!(sales > 60)") == [4, 6])
        #expect(try ids("sales > 60 | region == \"East\"") == [1, 2, 3, 5])
        #expect(try ids("sales > 60 & region == \"East\"") == [5])
        #expect(try ids("!(sales > 60 & region == \"North\")") == [2, 4, 5, 6])
        #expect(try ids("sales == . | tenure > 35") == [2, 6])
        #expect(try ids("!(sales == .)") == [1, 3, 4, 5, 6])
        let truth = try SessionCondition.parse("sales > 60 & tenure > 100").truth(in: frame())
        #expect(truth == [false, false, false, false, false, false])
        let unknown = try SessionCondition.parse("sales > 60 & tenure > 1").truth(in: frame())
        #expect(unknown[1] == nil)
    }

    @Test("!= and quoted values holding operators stay inside their comparison")
    func tokens() throws {
        #expect(try ids("region != \"North\" & region != 'East'") == [4, 6])
        let parsed = try SessionCondition.parse("region == \"A & (B) | !C\"")
        #expect(parsed == .comparison(SessionComparison(column: "region", comparison: "==", value: "A & (B) | !C")))
    }

    @Test("unbalanced parentheses and dangling operators are errors that name the position")
    func errors() throws {
        func problem(_ text: String) -> String? {
            do {
                _ = try SessionCondition.parse(text)
                return nil
            } catch {
                return "\(error)"
            }
        }
        #expect(problem("(tenure > 1 & sales > 2")?.contains("the '(' at position 1 is not closed") == true)
        #expect(problem("tenure > 1)")?.contains("the ')' at position 11 has no matching '('") == true)
        #expect(problem("tenure > 1 &")?.contains("the '&' at position 12 has no condition after it") == true)
        #expect(problem("| tenure > 1")?.contains("the '|' at position 1 has no condition before it") == true)
        #expect(problem("tenure > 1 & | sales > 2")?.contains("the '&' at position 12 has no condition after it") == true)
        #expect(problem("!")?.contains("the '!' at position 1 has no condition after it") == true)
        #expect(problem("()")?.contains("the ')' at position 2 has no condition before it") == true)
        #expect(problem("tenure 1")?.contains("expected COLUMN OP VALUE") == true)
        #expect(problem("region == \"North")?.contains("quote is not closed") == true)
    }

    @Test("keep if and drop if take compound conditions; drop keeps the unknown rows")
    func session() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cond-\(UUID().uuidString).csv").path
        try frame().writeCSV(path: path)
        var session = Session()
        _ = try session.use(path: path)
        #expect(
            try session.execute("keep if (region == \"North\" | region == \"East\") & tenure >= 12").text
                == "(4 rows dropped; 2 remain)\n")
        _ = try session.use(path: path)
        _ = try session.execute("drop if sales > 60 & tenure > 1")
        #expect(try session.frame?.column(named: "id").numericValues() == [2, 4, 6])
        #expect(throws: SessionError.self) { try session.execute("keep if (tenure > 1") }
        #expect(session.frame?.rowCount == 3)
    }
}
