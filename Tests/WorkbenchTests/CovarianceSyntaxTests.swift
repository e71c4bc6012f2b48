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
        ])
    func valid(text: String, expected: CovarianceType) throws {
        #expect(try CovarianceSyntax.parse(text) == expected)
    }

    @Test(
        "invalid forms say what to write",
        arguments: [
            ("hc4", "did you mean 'hc0'?"), ("cluster:", "one or two cluster columns"),
            ("cluster:a+b+c", "one or two cluster columns"), ("cluster:a+a", "must differ"),
            ("robust", "expected one of classical|hc0|hc1|hc2|hc3|cluster:COL[+COL2]"),
        ])
    func invalid(text: String, fragment: String) {
        #expect {
            try CovarianceSyntax.parse(text)
        } throws: { error in
            "\(error)".contains(fragment)
        }
    }
}
