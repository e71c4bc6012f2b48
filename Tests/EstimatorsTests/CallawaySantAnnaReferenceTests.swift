import Estimators
import Foundation
import Testing

/// Agreement with Python `csdid` 0.4.3 analytic results (`datasets/reference/cs_attgt.json`):
/// point estimates and standard errors to 1e-8 (absolute), on a 300-unit × 8-period seeded panel,
/// standard errors clustered by unit or by site (30 clusters).
@Suite struct CallawaySantAnnaReferenceTests {
    let tolerance = 1e-8

    func close(_ a: Double?, _ b: Double?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let x?, let y?): return abs(x - y) <= tolerance
        default: return false
        }
    }

    @Test(arguments: [
        "never_varying", "notyet_varying", "never_universal", "notyet_varying_anticipation1",
        "never_universal_anticipation1", "never_varying_cluster_site", "notyet_universal_cluster_site",
    ])
    func groupTimeEffectsMatchCsdid(caseName: String) throws {
        let reference = try CallawaySantAnnaReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let result = try CallawaySantAnna.estimate(try reference.panel(for: expected), specification: expected.specification)
        #expect(result.effects.count == expected.att.count)
        for (k, effect) in result.effects.enumerated() where k < expected.att.count {
            #expect(effect.cohort == expected.group[k] && effect.period == expected.period[k])
            #expect(abs(effect.estimate - expected.att[k]) <= tolerance, "ATT(\(effect.cohort), \(effect.period))")
            #expect(close(effect.standardError, expected.se[k]), "SE(\(effect.cohort), \(effect.period))")
        }
    }

    @Test(arguments: [
        "never_varying", "notyet_varying", "never_universal", "notyet_varying_anticipation1",
        "never_universal_anticipation1", "never_varying_cluster_site", "notyet_universal_cluster_site",
    ])
    func aggregationsMatchCsdid(caseName: String) throws {
        let reference = try CallawaySantAnnaReference.load()
        let expected = try #require(reference.cases.first { $0.name == caseName })
        let result = try CallawaySantAnna.estimate(try reference.panel(for: expected), specification: expected.specification)
        for kind in CallawaySantAnnaAggregate.Kind.allCases {
            let want = try #require(expected.aggregations[kind.rawValue])
            let got = result.aggregate(kind)
            #expect(abs(got.overall - want.overallATT) <= tolerance, "\(kind) overall")
            #expect(close(got.overallStandardError, want.overallSE), "\(kind) overall SE")
            if kind == .simple {
                #expect(got.elements.isEmpty)
                continue
            }
            let labels = try #require(want.labels)
            let att = try #require(want.att)
            let se = try #require(want.se)
            #expect(got.elements.map(\.label) == labels, "\(kind) labels")
            for (j, element) in got.elements.enumerated() where j < att.count {
                #expect(abs(element.estimate - att[j]) <= tolerance, "\(kind) \(element.label)")
                #expect(close(element.standardError, se[j]), "\(kind) SE \(element.label)")
            }
        }
    }

    @Test func siteClusteringChangesOnlyStandardErrors() throws {
        let reference = try CallawaySantAnnaReference.load()
        let byUnit = try #require(reference.cases.first { $0.name == "never_varying" })
        let bySite = try #require(reference.cases.first { $0.name == "never_varying_cluster_site" })
        let unitResult = try CallawaySantAnna.estimate(try reference.panel(for: byUnit))
        let siteResult = try CallawaySantAnna.estimate(try reference.panel(for: bySite))
        #expect(unitResult.effects.map(\.estimate) == siteResult.effects.map(\.estimate))
        #expect(unitResult.effects.map(\.standardError) != siteResult.effects.map(\.standardError))
        #expect(siteResult.clusterCount == 30 && unitResult.clusterCount == 300)
        #expect(siteResult.summary.contains("clustered by site, G = 30"))
    }

    @Test func referenceRecordsItsTool() throws {
        let reference = try CallawaySantAnnaReference.load()
        #expect(reference.tool.contains("csdid"))
        #expect(reference.toolVersion == "0.4.3")
    }
}
