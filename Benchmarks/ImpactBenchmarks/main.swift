import DataFrameModule
import Estimators
import Foundation
import Inference
import ModelSpec
import Workbench

// Impact Workbench benchmarks. Run in release mode: `make bench` (= swift run -c release ImpactBenchmarks).
// Prints CSV: benchmark,value,unit,detail. Figures are best-of-N wall-clock seconds on this machine;
// BENCHMARKS.md records them with the machine and the command.

let repeats = 5
// `--coverage [datasets]`: only the coverage study of docs/validation.md (CoverageStudy.swift), then exit.
let coverageFlag = CommandLine.arguments.firstIndex(of: "--coverage")
if let flag = coverageFlag { try CoverageStudy.runAlone(arguments: Array(CommandLine.arguments[(flag + 1)...])) }
print("benchmark,value,unit,detail")

// With `--panel PATH` (a panel from ../shared/bench/peers/gen_panel.py), run the peer tasks on it too;
// `--panel PATH --memory` measures only the fits' peak memory, in a fresh process, and stops.
let arguments = CommandLine.arguments
if let flag = arguments.firstIndex(of: "--roi-chain"), flag + 1 < arguments.count {
    try ROIChainBenchmark.runAlone(path: arguments[flag + 1], repeats: 3)
}
if let flag = arguments.firstIndex(of: "--panel"), flag + 1 < arguments.count {
    let memoryOnly = arguments.contains("--memory")
    try PeerPanelTasks.run(path: arguments[flag + 1], repeats: repeats, measureMemory: memoryOnly)
    if memoryOnly { exit(0) }
}

// 1. CSV ingest: a 480,000-row employee × month panel written to a temporary file, then read back.
let panel = try SyntheticPanel.make(employees: 20_000, months: 24, regressors: 9, seed: 20_261_123)
let csvPath = FileManager.default.temporaryDirectory.appendingPathComponent("impact-bench-panel.csv").path
try panel.writeCSV(path: csvPath)
let bytes = Double((try FileManager.default.attributesOfItem(atPath: csvPath)[.size] as? Int) ?? 0)
let readSeconds = try Stopwatch.best(of: repeats) { _ = try DataFrame.readCSV(path: csvPath) }
print("csv_ingest,\(String(format: "%.1f", bytes / 1e6 / readSeconds)),MB/s,\(Int(bytes)) bytes 480000 rows 11 columns")
try? FileManager.default.removeItem(atPath: csvPath)

// 2. OLS + CR1 on a 480,000 × 10 design (intercept + 9 regressors), clustered by 1,000 teams.
let formula = "y ~ " + (1...9).map { "x\($0)" }.joined(separator: " + ")
let covariance = CovarianceType.clustered(by: ["team_id"])
let formulaSeconds = try Stopwatch.best(of: repeats) {
    _ = try LinearRegression.fit(formula, data: panel, covariance: covariance)
}
let design = try DesignMatrix.build(Formula.parse(formula), data: panel, options: DesignOptions(requiredColumns: ["team_id"]))
let teamCodes = try panel.column(named: "team_id").groupCodes().codes
let fitSeconds = try Stopwatch.best(of: repeats) {
    _ = try LinearRegression.fit(design: design, clusters: ["team_id": teamCodes], covariance: covariance)
}
print("ols_cr1_formula_480000x10,\(String(format: "%.4f", formulaSeconds)),s,design build + QR + CR1 (G = 1000)")
print("ols_cr1_design_480000x10,\(String(format: "%.4f", fitSeconds)),s,QR + CR1 on a prepared design")

// 3. Cluster-bootstrap replicates of the bundled study's DiD effect (sufficient statistics per team).
let studyPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Examples/studies/sales-training.yml").path
// The bundled study with 9,999 replicates instead of its 999.
let studyText = try String(contentsOfFile: studyPath, encoding: .utf8)
    .replacingOccurrences(of: "replicates: 999", with: "replicates: 9999")
let bootstrapStudy = try Study.parse(
    yaml: studyText, file: studyPath, baseDirectory: URL(fileURLWithPath: studyPath).deletingLastPathComponent().path)
precondition(bootstrapStudy.bootstrap.replicates == 9_999, "the bundled study must state 'replicates: 999'")
var replicateSeconds = Double.infinity
for _ in 0..<3 {
    let seconds = try Stopwatch.seconds { _ = try StudyRunner.run(bootstrapStudy) }
    replicateSeconds = min(replicateSeconds, seconds)
}
print("study_bootstrap_9999,\(String(format: "%.3f", replicateSeconds)),s,whole study run: read CSV + DiD + 9999 cluster replicates + ROI")
print("study_bootstrap_rate,\(String(format: "%.0f", 9_999 / replicateSeconds)),replicates/s,including the fixed cost of the study run")
