import Testing

@testable import Workbench

@Suite("Stata-style options")
struct StataOptionsTests {
    let allowed = ["unit", "value", "vcov", "source"]

    @Test("name(value) pairs: quotes removed, parentheses and colons kept inside values")
    func parse() throws {
        let options = try StataOptions.parse(
            #" value(0.30) unit("USD (gross)") source('a, b') vcov(cluster:team)"#, command: "roi", allowed: allowed, usage: "u")
        #expect(options["value"] == "0.30" && options["unit"] == "USD (gross)" && options["source"] == "a, b")
        #expect(options["vcov"] == "cluster:team")
        #expect(try options.number("value", command: "roi", usage: "u") == 0.3)
        #expect(try StataOptions.parse("", command: "roi", allowed: allowed, usage: "u").values.isEmpty)
    }

    @Test("unknown, repeated, unclosed and valueless options are errors; abbreviations suggest the full name")
    func errors() throws {
        #expect(throws: SessionAnalysisError.unknownOption(command: "roi", option: "vlaue", suggestion: "value")) {
            try StataOptions.parse("vlaue(1)", command: "roi", allowed: allowed, usage: "u")
        }
        #expect(throws: SessionAnalysisError.unknownOption(command: "roi", option: "s", suggestion: "source")) {
            try StataOptions.parse("s(1)", command: "roi", allowed: allowed, usage: "u")
        }
        #expect(throws: SessionError.self) { try StataOptions.parse("value(1) value(2)", command: "roi", allowed: allowed, usage: "u") }
        #expect(throws: SessionError.self) { try StataOptions.parse("value(1", command: "roi", allowed: allowed, usage: "u") }
        #expect(throws: SessionError.self) { try StataOptions.parse("value", command: "roi", allowed: allowed, usage: "u") }
        let options = try StataOptions.parse("value(abc)", command: "roi", allowed: allowed, usage: "u")
        #expect(throws: SessionError.self) { try options.number("value", command: "roi", usage: "u") }
    }

    @Test("the first comma or colon outside quotes and parentheses splits")
    func split() {
        let (arguments, options) = StataOptions.splitAtComma(#"y ~ C(r, ref = "a,b") + x, vcov(hc1)"#)
        #expect(arguments == #"y ~ C(r, ref = "a,b") + x"# && options == "vcov(hc1)")
        #expect(StataOptions.splitAtComma("x").options.isEmpty)
        let text = "bootstrap, seed(1) level(\"9:5\"): regress y x, vcov(cluster:t)"
        let colon = StataOptions.firstIndex(of: ":", outsideQuotesIn: text)!
        #expect(text[colon...].hasPrefix(": regress"))
    }
}
