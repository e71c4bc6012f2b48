import Testing

@testable import Workbench

@Suite("Completion inside bootstrap and roi")
struct SessionAnalysisCompletionTests {
    @Test("bootstrap completes its options, columns inside them, regress after the colon, then columns and regress options")
    func bootstrap() throws {
        var session = Session()
        _ = try session.use(path: try temporaryFile(try bootstrapFixture().csvText(), suffix: ".csv"))
        #expect(session.completions(for: "boot").candidates == ["bootstrap"])
        #expect(session.completions(for: "bootstrap, re").candidates == ["reps("])
        #expect(session.completions(for: "bootstrap, reps(99) s").candidates == ["seed(", "strata("])
        #expect(session.completions(for: "bootstrap, cluster(te").candidates == ["team"])
        #expect(session.completions(for: "bootstrap, seed(1): re").candidates == ["regress"])
        #expect(session.completions(for: "bootstrap, seed(1): regress y ~ x + gr").candidates == ["group"])
        #expect(session.completions(for: "bootstrap, seed(1): regress y x, v").candidates == ["vcov("])
        #expect(session.completions(for: "bootstrap, seed(1): regress y x, vcov(cluster:te").candidates == ["team"])
    }

    @Test("roi completes the last bootstrap's coefficients (with colons), its options, and files in costs(")
    func roi() throws {
        var session = Session()
        _ = try session.use(path: try temporaryFile(try bootstrapFixture().csvText(), suffix: ".csv"))
        #expect(session.completions(for: "roi ").candidates.isEmpty)
        _ = try session.execute("bootstrap, reps(5) seed(1): regress y ~ x * group")
        let coefficient = session.completions(for: "roi x:gr")
        #expect(coefficient.word == "x:gr" && coefficient.candidates == ["x:group[T.b]"])
        #expect(session.completions(for: "roi x, va").candidates == ["value("])
        #expect(session.completions(for: "roi x, value(1) h").candidates == ["horizon(", "hurdle("])
        #expect(session.completions(for: "report Package.sw").candidates == ["Package.swift"])
    }
}
