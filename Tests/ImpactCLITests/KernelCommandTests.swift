import Foundation
import Testing

@Suite("impact kernel")
struct KernelCommandTests {
    /// Runs `impact kernel` from the repository root with `requests` as its standard input lines.
    static func run(_ requests: [String]) throws -> ImpactProcess.Output {
        let input = try temporaryDirectory().appendingPathComponent("requests.jsonl")
        try (requests.joined(separator: "\n") + "\n").write(to: input, atomically: true, encoding: .utf8)
        return try ImpactProcess.run(["kernel"], input: input)
    }

    /// A request line for `code`.
    static func request(_ code: String) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: ["code": code]), as: UTF8.self)
    }

    @Test("one reply line per request; estimation output is captured into the reply, not the channel")
    func session() throws {
        let output = try Self.run([
            try Self.request("use datasets/sales-training/sales_training.csv\nregress sales ~ trained_team * post, vcov(cluster:team_id)"),
            try Self.request("keep if region == \"North\"\nregres sales ~ post\nhead"),
            try Self.request("tabulate region"),
        ])
        #expect(output.status == 0)
        let lines = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        try #require(lines.count == 3, "stdout: \(output.stdout)")
        let replies = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }

        #expect(replies[0]["status"] as? String == "ok")
        let first = try #require(replies[0]["outputs"] as? [[String: Any]])
        #expect(first.count == 2)
        #expect((first[1]["text"] as? String)?.contains("trained_team:post") == true)

        #expect(replies[1]["status"] as? String == "error" && replies[1]["line"] as? Int == 2)
        #expect((replies[1]["error"] as? String)?.contains("Did you mean 'regress'?") == true)
        #expect((replies[1]["outputs"] as? [[String: Any]])?.count == 1)

        // The filter of the failed cell's first line holds in the next cell.
        let third = try #require((replies[2]["outputs"] as? [[String: Any]])?.first)
        #expect((third["text"] as? String)?.contains("(total 3840)") == true)
        #expect((third["html"] as? String)?.contains("<td>North</td>") == true)
    }

    @Test("kernel --help says that the Jupyter kernel talks to it")
    func help() throws {
        let output = try ImpactProcess.run(["kernel", "--help"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("Jupyter kernel talks to"))
    }
}
