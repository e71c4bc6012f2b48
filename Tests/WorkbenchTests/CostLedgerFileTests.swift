import Attribution
import Testing

@testable import Workbench

@Suite("Cost ledger files")
struct CostLedgerFileTests {
    @Test("the METHODS.md worked example: 5,000 + 7,000 + 80 h × 50 = 16,000; shares prorate; quotes keep commas")
    func workedExample() throws {
        let ledger = try CostLedgerFile.parse(
            #"""
            item,category,amount,hours,rate,source
            Materials,direct,5000,,,Invoice
            "Facilitator, external",direct,7000,,,"Contract ""A"""
            Participant time,indirect,,80,50,HR

            """#, file: "costs.csv")
        #expect(ledger.total == 16_000)
        #expect(ledger.items[1].name == "Facilitator, external" && ledger.items[1].source == "Contract \"A\"")
        let shared = try CostLedgerFile.parse("item,category,amount,share\nCurriculum,development,8000,0.25\n", file: "c.csv")
        #expect(shared.total == 2_000)
        #expect(shared.items[0].amount == .shared(total: 8000, share: 0.25))
    }

    @Test("every problem names file:line")
    func problems() throws {
        func message(_ text: String) -> String {
            do {
                _ = try CostLedgerFile.parse(text, file: "c.csv")
                return ""
            } catch {
                return "\(error)"
            }
        }
        #expect(message("item,category,amout\nA,direct,1\n").hasPrefix("c.csv:1: unknown column 'amout'. Did you mean 'amount'?"))
        #expect(message("item,amount\nA,1\n").hasPrefix("c.csv:1: the header has no 'category' column"))
        #expect(message("item,category,amount\nA,direct,1\nB,direct,-5\n").hasPrefix("c.csv:3: amount of 'B' is negative"))
        #expect(message("item,category,amount\nA,direct,abc\n").hasPrefix("c.csv:2: amount 'abc' of 'A' is not a number"))
        #expect(message("item,category,hours\nA,indirect,3\n").hasPrefix("c.csv:2: 'A' gives hours but no rate"))
        #expect(message("item,category,amount\nA,direct\n").hasPrefix("c.csv:2: 2 fields where the header has 3"))
        #expect(message("item,category,amount\n\"A,direct,1\n").hasPrefix("c.csv:2: a quoted field is not closed"))
        #expect(message("item,category,amount\n").hasPrefix("c.csv:1: the file lists no cost item"))
        #expect(message("item,category,amount,share\nA,direct,10,1.5\n").hasPrefix("c.csv:2: share of 'A' must lie in (0, 1]"))
        #expect(throws: AttributionError.self) {
            try CostLedgerFile.parse("item,category,amount,period\nA,direct,1,FY24\nB,direct,2,FY25\n", file: "c.csv")
        }
    }
}
