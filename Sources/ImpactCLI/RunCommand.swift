import ArgumentParser
import Workbench

/// `impact run STUDY.yml [--out DIR]`: runs a study and writes `report.md`, `report.json` and `report.html`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a study file: estimate the effect, bootstrap it, and report benefits, costs and ROI.",
        discussion: """
            Writes report.md, report.json and report.html into the output directory and prints the headline
            ROI range. Warnings go to standard error.

            Example:
              impact run Examples/studies/sales-training.yml --out out/sales
            """)

    @Argument(help: "The study file (YAML).")
    var study: String

    @Option(name: .long, help: "Output directory (default: out/<study-file-stem>/).")
    var out: String?

    @Option(name: .long, help: "Bootstrap worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        try validateInputFile(study, kind: "study file")
        if let threads, threads < 1 {
            throw ValidationError("--threads must be at least 1.")
        }
    }

    func run() throws {
        if study.hasSuffix(".impact") { return try ReplScript.run(path: study) }
        let output = try WorkbenchCommands.runStudy(path: study, outputDirectory: out, threads: threads)
        for warning in output.report.warnings { printToStandardError("warning: \(warning)") }
        print(output.report.headline)
        print("Report: \(output.files.markdown)")
        print("JSON:   \(output.files.json)")
        print("HTML:   \(output.files.html)")
    }
}
