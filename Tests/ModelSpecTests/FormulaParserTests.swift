import Testing

@testable import ModelSpec

/// Shorthands for expected terms.
private func v(_ name: String) -> Factor { Factor(variable: name) }
private func c(_ name: String, ref: String? = nil) -> Factor { Factor(variable: name, forcedCategorical: true, reference: ref) }
private func t(_ factors: Factor...) -> Term { Term(factors) }

@Suite("Formula parser")
struct FormulaParserTests {
    @Test func mainEffectsAndInterceptByDefault() throws {
        let f = try Formula.parse("sales ~ tenure + age")
        #expect(f.outcome == "sales")
        #expect(f.terms == [t(v("tenure")), t(v("age"))])
        #expect(f.hasIntercept)
        #expect(f.absorbed.isEmpty)
        #expect(f.text == "sales ~ tenure + age")
    }

    @Test func whitespaceIsFree() throws {
        let compact = try Formula.parse("y~a+b:c|g")
        let spaced = try Formula.parse("  y  ~\n a +\tb : c   |  g ")
        #expect(compact == spaced)
        #expect(compact.terms == [t(v("a")), t(v("b"), v("c"))])
        #expect(compact.absorbed == ["g"])
    }

    @Test func starExpandsToMainEffectsAndInteraction() throws {
        let f = try Formula.parse("y ~ a*b")
        #expect(f.terms == [t(v("a")), t(v("b")), t(v("a"), v("b"))])
    }

    @Test func threeWayStarExpandsInPatsyOrder() throws {
        let f = try Formula.parse("y ~ a*b*c")
        #expect(f.terms.map(\.description) == ["a", "b", "a:b", "c", "a:c", "b:c", "a:b:c"])
    }

    @Test func colonBindsTighterThanStar() throws {
        // R and patsy: a*b:c = a + b:c + a:b:c
        let f = try Formula.parse("y ~ a*b:c")
        #expect(f.terms.map(\.description) == ["a", "b:c", "a:b:c"])
    }

    @Test func parenthesesDistribute() throws {
        let f = try Formula.parse("y ~ (a + b):c")
        #expect(f.terms.map(\.description) == ["a:c", "b:c"])
        let g = try Formula.parse("y ~ (a + b)*c")
        #expect(g.terms.map(\.description) == ["a", "b", "c", "a:c", "b:c"])
    }

    @Test func duplicatedTermsAreMergedKeepingFirst() throws {
        let f = try Formula.parse("y ~ a + b + a + b:a + a:b + a*b")
        #expect(f.terms.map(\.description) == ["a", "b", "b:a"])
    }

    @Test func repeatedFactorInsideATermCountsOnce() throws {
        let f = try Formula.parse("y ~ x:x + z")
        #expect(f.terms == [t(v("x")), t(v("z"))])
    }

    @Test(arguments: [
        ("y ~ x - 1", false), ("y ~ -1 + x", false), ("y ~ 0 + x", false), ("y ~ x + 0", false),
        ("y ~ x + 1", true), ("y ~ 1 + x", true), ("y ~ x", true), ("y ~ x - 1 + 1", true),
        ("y ~ 0 + x - 0", true), ("y ~ x + -1", false), ("y ~ (x - 1)", false),
    ])
    func interceptHandling(text: String, intercept: Bool) throws {
        let f = try Formula.parse(text)
        #expect(f.hasIntercept == intercept, "\(text)")
        #expect(f.terms == [t(v("x"))], "\(text)")
    }

    @Test func interceptOnlyAndEmptyModels() throws {
        let one = try Formula.parse("y ~ 1")
        #expect(one.terms.isEmpty && one.hasIntercept)
        let zero = try Formula.parse("y ~ 0")
        #expect(zero.terms.isEmpty && !zero.hasIntercept)
    }

    @Test func minusRemovesTerms() throws {
        let f = try Formula.parse("y ~ a*b - a:b")
        #expect(f.terms.map(\.description) == ["a", "b"])
        let g = try Formula.parse("y ~ a*b - b:a")
        #expect(g.terms.map(\.description) == ["a", "b"])
    }

    @Test func categoricalWithReferenceSpellings() throws {
        let expected = [t(c("region", ref: "North"))]
        #expect(try Formula.parse("y ~ C(region, ref = \"North\")").terms == expected)
        #expect(try Formula.parse("y ~ C(region, ref='North')").terms == expected)
        #expect(try Formula.parse("y ~ C(region, reference = 'North')").terms == expected)
        #expect(try Formula.parse("y ~ C(region, Treatment(reference = \"North\"))").terms == expected)
        #expect(try Formula.parse("y ~ C(region, Treatment('North'))").terms == expected)
        #expect(try Formula.parse("y ~ C(region)").terms == [t(c("region"))])
    }

    @Test func numericReferenceIsNormalized() throws {
        #expect(try Formula.parse("y ~ C(year, ref = 2021)").terms == [t(c("year", ref: "2021"))])
        #expect(try Formula.parse("y ~ C(year, ref = 2021.0)").terms == [t(c("year", ref: "2021"))])
        #expect(try Formula.parse("y ~ C(dose, ref = 0.50)").terms == [t(c("dose", ref: "0.5"))])
        #expect(try Formula.parse("y ~ C(shift, ref = -1)").terms == [t(c("shift", ref: "-1"))])
    }

    @Test func categoricalAndPlainFactorsAreDistinctTerms() throws {
        let f = try Formula.parse("y ~ x + C(x) + C(g):x")
        #expect(f.terms == [t(v("x")), t(c("x")), t(c("g"), v("x"))])
    }

    @Test func backquotedNames() throws {
        let f = try Formula.parse("`net sales ($)` ~ `tenure (yrs)` + C(`home region`, ref = \"N\") | `team id`")
        #expect(f.outcome == "net sales ($)")
        #expect(f.terms == [t(v("tenure (yrs)")), t(c("home region", ref: "N"))])
        #expect(f.absorbed == ["team id"])
    }

    @Test func namesFollowRRules() throws {
        let f = try Formula.parse("log.sales ~ x_1 + .hidden + Größe + C")
        #expect(f.outcome == "log.sales")
        #expect(f.regressorVariables == ["x_1", ".hidden", "Größe", "C"])
    }

    @Test func absorbedEffectsAreStoredInOrderWithoutDuplicates() throws {
        let f = try Formula.parse("y ~ treated | unit + month + unit")
        #expect(f.absorbed == ["unit", "month"])
        #expect(f.terms == [t(v("treated"))])
    }

    @Test func regressorVariablesInFirstAppearanceOrder() throws {
        let f = try Formula.parse("y ~ C(g):x + x + z*C(g)")
        #expect(f.regressorVariables == ["g", "x", "z"])
    }
}
