import Attribution
import Foundation
import Reporting
import Testing

@testable import Workbench

@Suite("Study file: chain_of_impact section and its loader")
struct StudyChainOfImpactTests {
    func parse(_ yaml: String?, base: String = "/studies/s") throws -> (Study.ChainOfImpactSettings, [String]) {
        try parseSection(yaml, key: "chain_of_impact", baseDirectory: base) { try $0.parseChainOfImpact($1) }
    }

    @Test("every key is read; files resolve against the study file's directory")
    func fullSection() throws {
        let (settings, defaults) = try parse(
            """
            chain_of_impact:
              reaction: {file: reaction.csv, column: score, scale: [1, 7], favourable_from: 6}
              learning: {file: ../data/assessment.csv, pre: pre_score, post: post_score}
              application: {file: /abs/application.csv, column: uses_skill}
              intangibles: [{name: Team morale, evidence: pulse survey}]
            """)
        let reaction = try #require(settings.reaction)
        #expect(reaction.file.pathAsWritten == "reaction.csv")
        #expect(reaction.file.path == "/studies/s/reaction.csv")
        #expect(reaction.file.location.keyPath == "chain_of_impact.reaction.file")
        #expect(reaction.file.location.line == 2)
        #expect(reaction.column == "score")
        #expect(reaction.scale == 1...7)
        #expect(reaction.favourableThreshold == 6)
        let learning = try #require(settings.learning)
        #expect(learning.file.path == "/studies/data/assessment.csv")
        #expect(learning.pre == "pre_score" && learning.post == "post_score")
        #expect(settings.application?.file.path == "/abs/application.csv")
        #expect(settings.application?.column == "uses_skill")
        #expect(settings.intangibles == [Intangible(name: "Team morale", evidence: "pulse survey")])
        #expect(defaults.isEmpty)
    }

    @Test("absent section: nothing collected, noted; column defaults are the loaders'")
    func defaults() throws {
        let (none, notes) = try parse(nil)
        #expect(none.isEmpty)
        #expect(notes == ["chain_of_impact: no level 1–3 data and no intangibles (default)"])
        let (settings, _) = try parse("chain_of_impact: {reaction: {file: r.csv}, learning: {file: a.csv}, application: {file: p.csv}}")
        #expect(settings.reaction?.column == "rating")
        #expect(settings.reaction?.scale == 1...5)
        #expect(settings.reaction?.favourableThreshold == 4)
        #expect(settings.learning?.pre == "pre" && settings.learning?.post == "post")
        #expect(settings.application?.column == "applied")
    }

    @Test("errors: missing file, unknown key with suggestion, threshold off the scale, intangible without evidence")
    func errors() throws {
        let missing = try #require(studyError { _ = try parse("chain_of_impact: {learning: {pre: a, post: b}}") })
        #expect(missing.location?.keyPath == "chain_of_impact.learning.file")
        let unknown = try #require(studyError { _ = try parse("chain_of_impact: {learnin: {file: a.csv}}") })
        #expect(unknown.description.contains("Did you mean 'learning'?"))
        let threshold = try #require(
            studyError { _ = try parse("chain_of_impact: {reaction: {file: r.csv, favourable_from: 6}}") })
        #expect(threshold.location?.keyPath == "chain_of_impact.reaction.favourable_from")
        let scale = try #require(studyError { _ = try parse("chain_of_impact: {reaction: {file: r.csv, scale: [5, 1]}}") })
        #expect(scale.location?.keyPath == "chain_of_impact.reaction.scale")
        let evidence = try #require(studyError { _ = try parse("chain_of_impact: {intangibles: [{name: Morale}]}") })
        #expect(evidence.location?.keyPath == "chain_of_impact.intangibles[0].evidence")
    }

    /// A temporary directory with the given files, removed by the caller.
    func directory(_ files: [String: String]) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("coi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return url
    }

    @Test("load gives the Attribution loaders' summaries, value for value")
    func load() throws {
        let dir = try directory([
            "r.csv": "id,rating\n1,5\n2,4\n3,\n4,2\n",
            "a.csv": "id,pre_score,post_score\n1,50,60\n2,55,58\n3,,70\n4,40,49\n",
            "p.csv": "id,applied\n1,1\n2,0\n3,\n4,1\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (settings, _) = try parse(
            """
            chain_of_impact:
              reaction: {file: r.csv}
              learning: {file: a.csv, pre: pre_score, post: post_score}
              application: {file: p.csv}
              intangibles: [{name: Morale, evidence: survey}]
            """, base: dir.path)
        let chain = try StudyChainOfImpact.load(settings)
        let path = dir.path
        #expect(chain.reaction == (try ChainOfImpact.reaction(csv: path + "/r.csv")))
        #expect(chain.learning == (try ChainOfImpact.learning(csv: path + "/a.csv", pre: "pre_score", post: "post_score")))
        #expect(chain.application == (try ChainOfImpact.application(csv: path + "/p.csv")))
        #expect(chain.reaction?.respondents == 3 && chain.reaction?.missing == 1)
        #expect(chain.learning?.pairs == 3 && chain.learning?.incompletePairs == 1)
        #expect(chain.application?.applying == 2 && chain.application?.nonRespondents == 1)
        #expect(chain.intangibles == [Intangible(name: "Morale", evidence: "survey")])
        #expect(chain.levelsWithData == [1, 2, 3])
    }

    @Test("a file problem is reported at the level's file key with the loader's message")
    func loadErrors() throws {
        let dir = try directory(["a.csv": "id,pre,post\n1,50,60\n2,55,58\n", "p.csv": "id,applied\n1,2\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let (wrongColumn, _) = try parse("chain_of_impact: {learning: {file: a.csv, pre: before}}", base: dir.path)
        #expect {
            try StudyChainOfImpact.load(wrongColumn)
        } throws: { error in
            guard let e = error as? StudyChainOfImpactError else { return false }
            return e.location.keyPath == "chain_of_impact.learning.file" && e.level == "learning (level 2)"
                && e.problem.contains("column 'before' is not in the file")
        }
        let (badCode, _) = try parse("chain_of_impact: {application: {file: p.csv}}", base: dir.path)
        #expect {
            try StudyChainOfImpact.load(badCode)
        } throws: { error in
            (error as? StudyChainOfImpactError)?.description.contains("code application as 0/1") ?? false
        }
        let (absent, _) = try parse("chain_of_impact: {reaction: {file: nowhere.csv}}", base: dir.path)
        #expect {
            try StudyChainOfImpact.load(absent)
        } throws: { error in
            (error as? StudyChainOfImpactError)?.description.contains("nowhere.csv") ?? false
        }
    }
}

@Suite("Study file: the sales-training level 1–3 files")
struct StudyChainOfImpactBundledTests {
    static let files = [
        ("reaction.csv", 3_580, "a48adf71c98e4b60dc116c36a0e7a414fde1d5068e6bb99f56c44f740f2b4b18"),
        ("assessment.csv", 4_800, "fa00199a24eb963743ea789db75cfeb99a9d3794918ea3c1a8a4b7cb1233a25e"),
        ("application.csv", 3_569, "47f91950f90d64b83cd4ee8b48671d40d648d232c90bf7861dd6be0cad639258"),
    ]

    @Test("the files are the ones the README states (size, SHA-256)")
    func files() throws {
        let directory = repositoryRoot().appendingPathComponent("datasets/sales-training")
        let readme = try String(contentsOf: directory.appendingPathComponent("README.md"), encoding: .utf8)
        for (name, bytes, sha) in Self.files {
            let data = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(data.count == bytes, "\(name)")
            #expect(StudyReport.sha256Hex(data) == sha, "\(name)")
            #expect(readme.contains("SHA-256 `\(sha)`"), "\(name)")
        }
    }

    @Test("loaded through a study section, the summaries equal the generator's printed values")
    func summaries() throws {
        let base = repositoryRoot().appendingPathComponent("Examples/studies").path
        let (settings, _) = try parseSection(
            """
            chain_of_impact:
              reaction: {file: ../../datasets/sales-training/reaction.csv}
              learning: {file: ../../datasets/sales-training/assessment.csv, pre: pre_score, post: post_score}
              application: {file: ../../datasets/sales-training/application.csv}
            """, key: "chain_of_impact", baseDirectory: base
        ) { try $0.parseChainOfImpact($1) }
        let chain = try StudyChainOfImpact.load(settings)
        let r = try #require(chain.reaction)
        #expect(r.respondents == 253 && r.missing == 47)
        #expect(abs(r.mean - 3.9249) < 5e-5 && abs(r.shareFavourable - 0.7312) < 5e-5)
        let l = try #require(chain.learning)
        #expect(l.pairs == 279 && l.incompletePairs == 21)
        #expect(abs(l.meanPre - 62.3978) < 5e-5 && abs(l.meanPost - 70.0251) < 5e-5)
        #expect(abs(l.meanChange - 7.6272) < 5e-5 && abs(l.standardDeviationOfChange - 6.9658) < 5e-5)
        #expect(abs(l.cohenDz - 1.0950) < 5e-5 && abs(l.tStatistic - 18.2894) < 5e-5)
        let a = try #require(chain.application)
        #expect(a.respondents == 241 && a.nonRespondents == 59 && a.applying == 173)
    }
}
