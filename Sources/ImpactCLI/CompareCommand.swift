import ArgumentParser
import Estimators
import Workbench

/// `impact compare DATA --outcome y --treatment d --covariates x1,x2`: trained versus untrained
/// units on one cross-section, by four estimators side by side.
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Control-group comparison: difference in means, regression adjustment, IPW and AIPW side by side.",
        discussion: """
            For a cross-section with a 0/1 treatment (trained or not) and covariates
            that drove who was trained. Assumes unconfoundedness given the covariates
            and overlap; check balance with `impact balance`. --match adds 1:k
            nearest-neighbour matching on the propensity score (MatchIt's defaults:
            without replacement, largest score first, ties to the earlier row), an
            ATT estimator with a cluster-robust SE by matched set.

            Examples:
              impact compare people.csv --outcome sales --treatment trained \\
                --covariates tenure,C(region)
              impact compare people.csv --outcome y --treatment d --covariates x1,x2 --target att --json
              impact compare people.csv --outcome y --treatment d --covariates x1,x2 \\
                --match --ratio 2 --caliper 0.2
            """)

    @Argument(help: "The data file (CSV, one row per unit).")
    var data: String

    @Option(name: .long, help: "Outcome column (numeric).")
    var outcome: String

    @Option(name: .long, help: "Treatment column coded 0/1.")
    var treatment: String

    @Option(name: .long, parsing: .upToNextOption, help: "Covariate terms, comma- or space-separated (formula syntax: x1, C(region)).")
    var covariates: [String]

    @Option(name: .long, help: "Target population: ate (everyone) or att (the treated).")
    var target: String = "ate"

    @Option(name: .long, help: "Confidence level of the intervals, between 0 and 1.")
    var level: Double = 0.95

    @OptionGroup var matching: MatchingOptions

    @Flag(name: .long, help: "Print JSON (impact-control-group/1).")
    var json = false

    func validate() throws {
        try validateInputFile(data, kind: "data file")
        guard !covariateTerms.isEmpty else { throw ValidationError("Give at least one covariate with --covariates.") }
        guard ["ate", "att"].contains(target.lowercased()) else {
            throw ValidationError("--target is ate or att, not '\(target)'.")
        }
        try validateLevel(level)
    }

    var covariateTerms: [String] { splitTerms(covariates) }

    func run() throws {
        print(
            try WorkbenchCommands.controlGroupComparison(
                dataPath: data, outcome: outcome, treatment: treatment, covariates: covariateTerms,
                target: target.lowercased() == "att" ? .averageTreatmentEffectOnTreated : .averageTreatmentEffect,
                level: level, matching: matching.specification, json: json),
            terminator: "")
    }
}

/// Splits covariate options on commas outside parentheses (so `C(region, ref = "North")` stays whole).
func splitTerms(_ values: [String]) -> [String] {
    var terms: [String] = []
    for value in values {
        var depth = 0
        var current = ""
        for character in value {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if character == "," && depth == 0 {
                terms.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        terms.append(current)
    }
    return terms.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
}
