import Inference
import Testing

@testable import Workbench

@Suite("--vcov syntax")
struct CovarianceSyntaxTests {
    @Test(
        "valid forms",
        arguments: [
            ("classical", CovarianceType.classical), ("HC0", .hc0), ("hc1", .hc1), ("hc2", .hc2), (" hc3 ", .hc3),
            ("cluster:team_id", .clustered(by: ["team_id"], correction: .stata)),
            ("CLUSTER:firm+year", .clustered(by: ["firm", "year"], correction: .stata)),
            ("cluster: firm + year", .clustered(by: ["firm", "year"], correction: .stata)),
            ("cluster:a+b+c", .clustered(by: ["a", "b", "c"], correction: .stata)),
            ("cr2:firm", .clustered(by: ["firm"], correction: .cr2)),
            ("CR3: firm", .clustered(by: ["firm"], correction: .cr3)),
        ])
    func valid(text: String, expected: CovarianceType) throws {
        #expect(try CovarianceSyntax.parse(text) == expected)
    }

    @Test(
        "invalid forms say what to write",
        arguments: [
            ("hc4", "did you mean 'hc0'?"), ("cluster:", "one to three cluster columns"),
            ("cluster:a+b+c+d", "one to three cluster columns"), ("cluster:a+a", "must differ"),
            ("cr2:a+b", "CR2 takes exactly one cluster column"), ("cr3:", "CR3 takes exactly one cluster column"),
            ("robust", "expected one of classical|hc0|hc1|hc2|hc3|cluster:COL[+COL2[+COL3]]|cr2:COL|cr3:COL"),
        ])
    func invalid(text: String, fragment: String) {
        #expect {
            try CovarianceSyntax.parse(text)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
