import Foundation
import Testing

@testable import ImpactCLI

private let csPanel = "datasets/reference/data/cs_staggered_panel.csv"
private let esPanel = "datasets/reference/data/es_staggered.csv"
private let crossSection = "datasets/reference/data/cg_small.csv"

@Suite("impact did, eventstudy, compare and balance", .serialized)
struct CausalDesignCommandTests {
    @Test("did prints its assumptions, the aggregations and every ATT(g,t)")
    func did() throws {
        let output = try ImpactProcess.run([
            "did", csPanel, "--outcome", "y", "--unit", "id", "--time", "period", "--cohort", "cohort", "--cluster", "site",
            "--control", "notyet", "--aggregate", "group",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        for text in ["Comparison group: not yet treated units.", "Anticipation: 0", "Base period: varying",
            "clustered by site (G = 30)", "Aggregation: group", "ATT(7, 8)", "Units: 300 (84 never treated)"]
        {
            #expect(output.stdout.contains(text), "missing \(text)")
        }
    }

    @Test("did --compare prints the four estimators, the series and the decomposition")
    func didCompare() throws {
        let output = try ImpactProcess.run([
            "did", "datasets/reference/data/sunab_staggered.csv", "--outcome", "y", "--unit", "unit", "--time", "time",
            "--cohort", "cohort", "--cluster", "team", "--compare", "--window", "-3:3",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        for text in ["TWFE", "Callaway–Sant'Anna", "Sun–Abraham", "Imputation (BJS)", "Event-time estimates (for a plot)",
            "Goodman-Bacon decomposition", "Later vs Earlier Treated", "Reading:"]
        {
            #expect(output.stdout.contains(text), "missing \(text)")
        }
    }

    @Test("did with covariates, the bootstrap band and complete units only")
    func didCovariatesBootstrap() throws {
        let output = try ImpactProcess.run([
            "did", "datasets/reference/data/cs_covariates_messy.csv", "--outcome", "y", "--unit", "id", "--time", "period",
            "--cohort", "cohort", "--covariates", "x1,x2", "--method", "reg", "--bootstrap", "199", "--seed", "5",
            "--keep-complete-units", "--aggregate", "dynamic",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        for text in ["conditional on x1, x2", "multiplier bootstrap (199 replicates", "uniform band",
            "not observed in every period were dropped"]
        {
            #expect(output.stdout.contains(text), "missing \(text)")
        }
        let unbalanced = try ImpactProcess.run([
            "did", "datasets/reference/data/cs_covariates_messy.csv", "--outcome", "y", "--unit", "id", "--time", "period",
            "--cohort", "cohort",
        ])
        #expect(unbalanced.status == 1)
        #expect(unbalanced.stderr.contains("--keep-complete-units"))
    }

    @Test("refute prints each check with pass or fail and a reading")
    func refute() throws {
        let output = try ImpactProcess.run([
            "refute", csPanel, "--outcome", "y", "--unit", "id", "--time", "period", "--cohort", "cohort", "--cluster", "site",
            "--json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "impact-refutation/1")
        let checks = try #require(json["checks"] as? [[String: Any]])
        #expect(checks.map { $0["kind"] as? String } == ["placeboTreatmentDate", "randomizationInference", "leaveOneCohortOut", "preTrend"])
        #expect(json["allPassed"] as? Bool == true)
        let bad = try ImpactProcess.run([
            "refute", csPanel, "--outcome", "y", "--unit", "id", "--time", "period", "--cohort", "cohort",
            "--randomize-clusters",
        ])
        #expect(bad.status == 64 && bad.stderr.contains("--randomize-clusters needs --cluster"))
    }

    @Test("eventstudy --sensitivity adds robust sets and the breakdown value")
    func eventStudySensitivity() throws {
        let output = try ImpactProcess.run([
            "eventstudy", esPanel, "--outcome", "y", "--unit", "unit", "--time", "time", "--cohort", "cohort",
            "--cluster", "team", "--leads", "3", "--lags", "3", "--sensitivity", "0", "1", "--json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        let sensitivity = try #require(json["sensitivity"] as? [String: Any])
        #expect((sensitivity["bounds"] as? [Any])?.count == 2)
        #expect(sensitivity["breakdown"] is NSNumber)
    }

    @Test("eventstudy --json is impact-event-study/1 with the pre-trend test")
    func eventStudyJSON() throws {
        let output = try ImpactProcess.run([
            "eventstudy", esPanel, "--outcome", "y", "--unit", "unit", "--time", "time", "--cohort", "cohort",
            "--cluster", "team", "--leads", "3", "--lags", "3", "--json",
        ])
        #expect(output.status == 0, "stderr: \(output.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any])
        #expect(json["format"] as? String == "impact-event-study/1")
        #expect((json["eventTimes"] as? [Any])?.count == 7)
        #expect(json["preTrendTest"] is [String: Any])
    }

    @Test("compare and balance print their tables")
    func compareAndBalance() throws {
        let compare = try ImpactProcess.run([
            "compare", crossSection, "--outcome", "y", "--treatment", "d", "--covariates", "x1,x2", "x3",
        ])
        #expect(compare.status == 0, "stderr: \(compare.stderr)")
        #expect(compare.stdout.contains("AIPW"))
        #expect(compare.stdout.contains("Unconfoundedness: given x1, x2, x3"))
        let balance = try ImpactProcess.run(["balance", crossSection, "--treatment", "d", "--covariates", "x1,x2,x3"])
        #expect(balance.status == 0, "stderr: \(balance.stderr)")
        #expect(balance.stdout.contains("SMD before"))
        let matched = try ImpactProcess.run([
            "compare", crossSection, "--outcome", "y", "--treatment", "d", "--covariates", "x1,x2,x3", "--target", "att",
            "--match", "--ratio", "2", "--replacement", "--caliper", "0.2",
        ])
        #expect(matched.status == 0, "stderr: \(matched.stderr)")
        #expect(matched.stdout.contains("nearest-neighbour matching (ATT)"))
        #expect(matched.stdout.contains("Matching: 1:2 nearest-neighbour matching"))
        let matchedBalance = try ImpactProcess.run([
            "balance", crossSection, "--treatment", "d", "--covariates", "x1,x2,x3", "--match", "--replacement",
        ])
        #expect(matchedBalance.status == 0, "stderr: \(matchedBalance.stderr)")
        #expect(matchedBalance.stdout.contains("after 1:1 nearest-neighbour matching"))
        let orphan = try ImpactProcess.run(["balance", crossSection, "--treatment", "d", "--covariates", "x1", "--caliper", "0.2"])
        #expect(orphan.status == 64 && orphan.stderr.contains("go with --match"))
    }

    @Test(
        "bad options are usage errors that say what is allowed",
        arguments: [
            (["did", csPanel, "--outcome", "y", "--unit", "id", "--time", "period", "--cohort", "cohort", "--control", "later"],
             "--control is never or notyet"),
            (["did", csPanel, "--outcome", "y", "--unit", "id", "--time", "period", "--cohort", "cohort", "--aggregate", "yearly"],
             "--aggregate is simple, dynamic, group or calendar"),
            (["eventstudy", esPanel, "--outcome", "y", "--unit", "unit", "--time", "time", "--cohort", "cohort",
              "--leads", "2", "--lags", "2", "--reference", "-5"], "must lie in the window"),
            (["compare", crossSection, "--outcome", "y", "--treatment", "d", "--covariates", "x1", "--target", "atc"],
             "--target is ate or att"),
            (["did", csPanel, "--outcome", "y", "--unit", "id", "--time", "period", "--cohort", "cohort", "--method", "ols"],
             "--method is reg, ipw or dr"),
            (["did", csPanel, "--outcome", "y", "--unit", "id", "--time", "period", "--cohort", "cohort", "--window", "2:4"],
             "--window is FIRST:LAST"),
        ])
    func badOptions(arguments: [String], message: String) throws {
        let output = try ImpactProcess.run(arguments)
        #expect(output.status == 64)
        #expect(output.stderr.contains(message), "stderr: \(output.stderr)")
    }

    @Test("a missing outcome value in the panel is a runtime error naming the column")
    func missingOutcome() throws {
        let output = try ImpactProcess.run([
            "did", esPanel, "--outcome", "y", "--unit", "unit", "--time", "time", "--cohort", "cohort",
        ])
        #expect(output.status == 1)
        #expect(output.stderr.contains("Column 'y' is missing in 6 row(s)"), "stderr: \(output.stderr)")
        #expect(!output.stderr.contains("Fatal error"))
    }

    @Test("covariate terms split on commas outside parentheses")
    func termSplitting() {
        #expect(splitTerms(["x1,C(region, ref = \"North\")", "x2"]) == ["x1", "C(region, ref = \"North\")", "x2"])
    }
}
