import Attribution
import DataFrameModule
import Foundation
import Inference
import Testing

@testable import Workbench

/// A temporary file holding `text`.
func temporaryFile(_ text: String, suffix: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("roi-\(UUID().uuidString)\(suffix)").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

@Suite("Session bootstrap and roi")
struct SessionROITests {
    /// A session with the bootstrap fixture loaded.
    func session() throws -> Session {
        var session = Session()
        _ = try session.use(path: try temporaryFile(try bootstrapFixture().csvText(), suffix: ".csv"))
        return session
    }

    @Test("bootstrap becomes the last estimate; roi equals ROIChain.run on the same point and replicates")
    func roiMatchesChain() throws {
        var session = try session()
        let text = try session.execute("bootstrap, reps(99) seed(3) cluster(team): regress y x").text
        #expect(text.contains("Scheme: cluster bootstrap (team, G = 12); seed 3"))
        #expect(text.contains("Replicates: 99 requested, 99 used, 0 failed"))
        let estimate = try #require(session.record.lastEstimate)
        #expect(session.record.seeds == [3])
        let costs = try temporaryFile(
            "item,category,amount,hours,rate,source,currency\nFees,direct,120,,,Invoice,USD\nTime,indirect,,4,10,HR,USD\n",
            suffix: ".csv")
        let reply = try session.execute(
            "roi x, value(0.5) unit(\"USD of y\") source(\"Finance\") population(30) costs(\(costs)) hurdle(25) currency(usd)"
        ).text
        let x = try #require(estimate.coefficient("x"))
        let conversion = try MonetaryConversion(valuePerUnit: 0.5, unitDescription: "USD of y", source: "Finance")
        let ledger = try CostLedgerFile.read(path: costs)
        #expect(ledger.total == 160)
        let settings = ROIChain.Settings(
            stream: try BenefitStream(population: 30, conversion: conversion), ledger: ledger, hurdlePercent: 25, seed: 3,
            scheme: estimate.scheme, horizonIsFirstYearDefault: true, benefitCurrency: "USD")
        let chain = try ROIChain.run(effect: .constant(x.estimate), replicates: x.replicates.map { .constant($0) }, settings: settings)
        let expected = ROIText(result: chain, coefficient: "x", settings: settings, costSource: costs).text
        #expect(reply == expected)
        // Hand check of the point: benefits = effect × 0.5 × 30 × 12 months.
        #expect(abs(chain.benefits.point - x.estimate * 0.5 * 30 * 12) <= 1e-9 * chain.benefits.point)
        #expect(reply.contains("ROI") && reply.contains("P(ROI > 25.0 %)"))
        #expect(reply.contains("9. ") && reply.contains("10. "))
        #expect(reply.contains("first year only: principle 9 default"))
    }

    @Test("roi before bootstrap, an unknown coefficient, a missing option and a bad interval type are clear errors")
    func roiErrors() throws {
        var session = try session()
        #expect(throws: SessionAnalysisError.noBootstrap) { try session.execute("roi x, value(1) population(2) costs(10)") }
        #expect("\(SessionAnalysisError.noBootstrap)".contains("run `bootstrap"))
        _ = try session.execute("bootstrap, reps(20) seed(1): regress y ~ x")
        #expect(
            throws: SessionAnalysisError.unknownCoefficient(name: "xx", suggestion: "x", available: ["Intercept", "x"])
        ) { try session.execute("roi xx, value(1) population(2) costs(10)") }
        #expect(
            throws: SessionAnalysisError.missingOption(
                command: "roi", option: "population", example: "population(300) trained employees observed")
        ) {
            try session.execute("roi x, value(1) costs(10)")
        }
        #expect(throws: SessionAnalysisError.unknownOption(command: "roi", option: "popul", suggestion: "population")) {
            try session.execute("roi x, value(1) popul(3) costs(10)")
        }
        #expect(throws: SessionError.self) { try session.execute("roi x, value(1) population(2) costs(10) type(bca)") }
    }

    @Test("cost problems: a bad line names file:line; mixed currencies and a currency mismatch are Attribution's errors")
    func costErrors() throws {
        var session = try session()
        _ = try session.execute("bootstrap, reps(20) seed(1): regress y x")
        let bad = try temporaryFile("item,category,amount\nFees,direct,100\nVenue,direkt,50\n", suffix: ".csv")
        #expect(throws: SessionAnalysisError.self) { try session.execute("roi x, value(1) population(2) costs(\(bad))") }
        do {
            _ = try session.execute("roi x, value(1) population(2) costs(\(bad))")
        } catch {
            #expect("\(error)".hasPrefix("\(bad):3: 'Venue' has category 'direkt'"))
            #expect("\(error)".contains("Did you mean 'direct'?"))
        }
        let mixed = try temporaryFile("item,category,amount,currency\nFees,direct,100,USD\nVenue,direct,50,EUR\n", suffix: ".csv")
        #expect(throws: AttributionError.self) { try session.execute("roi x, value(1) population(2) costs(\(mixed))") }
        let usd = try temporaryFile("item,category,amount,currency\nFees,direct,100,USD\n", suffix: ".csv")
        #expect(throws: AttributionError.currencyMismatch(benefits: "EUR", costs: "USD")) {
            try session.execute("roi x, value(1) population(2) costs(\(usd)) currency(EUR)")
        }
        #expect(throws: SessionAnalysisError.self) { try session.execute("roi x, value(1) population(2) costs(nowhere.csv)") }
    }

    @Test("help explains bootstrap, roi and report with an example; they are listed")
    func help() throws {
        var session = Session()
        let list = try session.execute("help").text
        #expect(list.contains("bootstrap") && list.contains("roi") && list.contains("report"))
        for name in ["bootstrap", "roi", "report"] {
            let text = try session.execute("help \(name)").text
            #expect(text.hasPrefix("Usage: \(name)") && text.contains("Example:"))
        }
    }
}
