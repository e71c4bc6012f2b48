import Foundation
import Inference
import LinearAlgebra
import Testing

/// Relative-magnitudes sets against honestdid 0.1.1 (`datasets/reference/honest_*.json`, made by
/// `scripts/reference/honest_reference.py`). Both sides invert the test over the same θ grid, so
/// the bounds are grid points: the conditional test (deterministic) must pick the same points
/// (1e-9 relative to the grid's width); the C-LF hybrid simulates its first-stage critical value
/// from 1000 draws of a different generator, so its bounds must lie within the range of the
/// reference's seeds widened by `steps` grid steps: 0 without nuisance parameters (there `c_LF`
/// only enters the first stage, and the four reference seeds agree exactly), 2 with them (where
/// `c_LF` also caps the conditional stage's truncation).
@Suite("HonestDiD relative magnitudes vs honestdid 0.1.1")
struct HonestDiDReferenceTests {
    func gridStep(_ fixture: HonestDiDReferenceFixture, _ analysis: HonestDiDRelativeMagnitudes) -> Double {
        analysis.grid[1] - analysis.grid[0]
    }

    func checkConditional(_ name: String) throws {
        let fixture = try HonestDiDReferenceFixture.load(name)
        let analysis = try fixture.analysis(.conditional)
        let width = analysis.grid.last! - analysis.grid.first!
        for row in try #require(fixture.conditional) {
            let bounds = analysis.confidenceSet(mbar: row.mbar)
            let interval = try #require(bounds.interval)
            #expect(abs(interval.lower - row.lb!) <= 1e-9 * width, "\(name) M̄ = \(row.mbar) lower \(interval.lower) vs \(row.lb!)")
            #expect(abs(interval.upper - row.ub!) <= 1e-9 * width, "\(name) M̄ = \(row.mbar) upper \(interval.upper) vs \(row.ub!)")
        }
    }

    func checkHybrid(_ name: String, steps: Double) throws {
        let fixture = try HonestDiDReferenceFixture.load(name)
        let analysis = try fixture.analysis(.leastFavorableHybrid())
        let slack = steps * gridStep(fixture, analysis) + 1e-9 * (analysis.grid.last! - analysis.grid.first!)
        for (index, mbar) in fixture.mbar.enumerated() {
            let lowers = fixture.cLf.values.map { $0[index].lb! }
            let uppers = fixture.cLf.values.map { $0[index].ub! }
            let interval = try #require(analysis.confidenceSet(mbar: mbar).interval)
            #expect(interval.lower >= lowers.min()! - slack && interval.lower <= lowers.max()! + slack,
                    "\(name) M̄ = \(mbar) lower \(interval.lower) vs \(lowers)")
            #expect(interval.upper >= uppers.min()! - slack && interval.upper <= uppers.max()! + slack,
                    "\(name) M̄ = \(mbar) upper \(interval.upper) vs \(uppers)")
        }
    }

    @Test func originalIntervalMatches() throws {
        for name in ["synthetic2x1", "synthetic3x3_conditional", "panel_conditional"] {
            let fixture = try HonestDiDReferenceFixture.load(name)
            let interval = try fixture.study().originalInterval(weights: fixture.lVec, alpha: fixture.alpha)
            #expect(abs(interval.lower - fixture.original.lb) <= 1e-12 * abs(fixture.original.lb))
            #expect(abs(interval.upper - fixture.original.ub) <= 1e-12 * abs(fixture.original.ub))
        }
    }

    @Test func conditionalWithoutNuisance() throws { try checkConditional("synthetic2x1") }
    @Test func hybridWithoutNuisance() throws { try checkHybrid("synthetic2x1", steps: 0) }
    @Test func conditionalWithNuisance() throws { try checkConditional("synthetic3x3_conditional") }
    @Test func conditionalWithNuisanceOnTheDefaultGrid() throws { try checkConditional("synthetic3x3fine_conditional") }
    @Test func hybridWithNuisance() throws { try checkHybrid("synthetic3x3_c_lf", steps: 2) }
    @Test func conditionalOnThePanelEventStudy() throws { try checkConditional("panel_conditional") }
    @Test func hybridOnThePanelEventStudy() throws { try checkHybrid("panel_c_lf", steps: 2) }

    /// The breakdown value (by bisection on the test of θ = 0) against the reference's sets: every
    /// M̄ whose reference set excludes 0 lies below it, every other one above.
    @Test func panelBreakdownAgreesWithTheReferenceSets() throws {
        let fixture = try HonestDiDReferenceFixture.load("panel_conditional")
        let analysis = try fixture.analysis(.conditional)
        let breakdown = analysis.breakdownValue(tolerance: 1e-3)
        for row in try #require(fixture.conditional) {
            let excludes = row.lb! > 0 || row.ub! < 0
            switch breakdown {
            case .value(let value): #expect(excludes == (row.mbar <= value), "M̄ = \(row.mbar), breakdown \(value)")
            case .atLeast: #expect(excludes)
            case .notSignificantAtZero: #expect(!excludes)
            }
        }
    }
}
