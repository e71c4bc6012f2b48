import Testing

@testable import ModelSpec

@Suite("Formula value")
struct FormulaTests {
    @Test(arguments: [
        "y ~ a + b + a:b", "y ~ a - 1", "y ~ 1", "y ~ 0", "y ~ x | unit + month",
        "`sales ($)` ~ C(`home region`, ref = \"North\") + C(year, ref = \"2021\"):x",
        "y ~ C(g, ref = 'say \"hi\"')",
    ])
    func descriptionRoundTrips(text: String) throws {
        let f = try Formula.parse(text)
        let again = try Formula.parse(f.description)
        #expect(again == f)
        #expect(f.description == again.description)
    }

    @Test func canonicalSpelling() throws {
        #expect(try Formula.parse("y~0+a*b").description == "y ~ a + b + a:b - 1")
        #expect(try Formula.parse("y ~ -1").description == "y ~ 0")
        #expect(try Formula.parse("y~x|g").description == "y ~ x | g")
    }

    @Test func equalityIgnoresSpellingButNotModel() throws {
        #expect(try Formula.parse("y~a*b") == Formula.parse("y ~ a + b + a:b"))
        #expect(try Formula.parse("y ~ a") != Formula.parse("y ~ a - 1"))
        #expect(try Formula.parse("y ~ a:b") != Formula.parse("y ~ b:a"))
    }

    @Test func builtInCodeMergesDuplicatesAndRendersText() {
        let x = Factor(variable: "x")
        let g = Factor(variable: "g", forcedCategorical: true)
        let f = Formula(outcome: "y", terms: [Term(x), Term([g, x]), Term([x, g])], hasIntercept: false, absorbed: ["u", "u"])
        #expect(f.terms == [Term(x), Term([g, x])])
        #expect(f.absorbed == ["u"])
        #expect(f.text == "y ~ x + C(g):x - 1 | u")
    }

    @Test func termMergesRepeatedFactors() {
        let x = Factor(variable: "x")
        #expect(Term([x, x]).factors == [x])
        #expect(Term([x, Factor(variable: "z")]).degree == 2)
    }
}
