import DataFrameModule
import Testing

@testable import ModelSpec

@Suite("Absorbed fixed effects: level codes")
struct FixedEffectFactorTests {
    @Test func integerIdsAreSortedNumericallyAndCodedDensely() {
        let column = Fixtures.ints("unit", [30, 10, 200, 10, 30, 9])
        let f = FixedEffectFactor.encode(column, rows: [0, 1, 2, 3, 4, 5])
        #expect(f.levels == ["9", "10", "30", "200"])
        #expect(f.codes == [2, 1, 3, 1, 2, 0])
        #expect(f.levelCount == 4)
    }

    @Test func sparseIntegerIdsUseTheSortedFallback() {
        let ids = [900_000_001, 5, 900_000_001, -3]
        let f = FixedEffectFactor.encode(Fixtures.ints("id", ids), rows: [0, 1, 2, 3])
        #expect(f.levels == ["-3", "5", "900000001"])
        #expect(f.codes == [2, 1, 2, 0])
    }

    @Test func categoricalLevelsAbsentFromTheRowsAreDropped() {
        let column = Fixtures.strings("team", ["a", "b", "c", "b", "d"])
        let f = FixedEffectFactor.encode(column, rows: [1, 3, 4])
        #expect(f.levels == ["b", "d"])
        #expect(f.codes == [0, 0, 1])
    }

    @Test func doublesBooleansAndDatesHaveReadableLevels() {
        let d = FixedEffectFactor.encode(Fixtures.doubles("g", [2.5, -0.0, 0, 7]), rows: [0, 1, 2, 3])
        #expect(d.levels == ["0", "2.5", "7"])
        #expect(d.codes == [1, 0, 0, 2])
        let b = FixedEffectFactor.encode(Fixtures.bools("flag", [true, false, true]), rows: [0, 1, 2])
        #expect(b.levels == ["false", "true"] && b.codes == [1, 0, 1])
        let t = FixedEffectFactor.encode(Fixtures.dates("start", ["2024-03-01", "2024-01-01"]), rows: [0, 1])
        #expect(t.levels == ["2024-01-01", "2024-03-01"] && t.codes == [1, 0])
    }

    @Test func keepingRowsRenumbersTheRemainingLevels() {
        let f = FixedEffectFactor(name: "u", codes: [0, 1, 2, 1, 0], levels: ["a", "b", "c"])
        let kept = f.keeping([true, false, true, false, true])
        #expect(kept.levels == ["a", "c"])
        #expect(kept.codes == [0, 1, 0])
    }

    @Test func singletonsAreRemovedToAFixedPointAndChargedToTheirFactor() {
        // Row 3 is alone in unit "u3"; dropping it leaves row 2 alone in month 2.
        let unit = FixedEffectFactor(name: "unit", codes: [0, 0, 1, 2, 1], levels: ["u1", "u2", "u3"])
        let month = FixedEffectFactor(name: "month", codes: [0, 1, 1, 1, 0], levels: ["1", "2"])
        let (keep, dropped) = SingletonFilter.find([unit, month], rowCount: 5)
        // Sweep 1: unit drops row 3 (u3). month counts then are {1: 2 rows, 2: rows 1, 2} → no
        // singleton. Sweep 2: nothing. So only row 3 goes.
        #expect(keep == [true, true, true, false, true])
        #expect(dropped == [1, 0])

        // A chain: dropping row 2 (alone in unit u2) leaves row 1 alone in month 2, which then
        // leaves row 0 alone in unit u1.
        let u = FixedEffectFactor(name: "unit", codes: [0, 0, 1, 2, 2], levels: ["u1", "u2", "u3"])
        let m = FixedEffectFactor(name: "month", codes: [0, 1, 1, 0, 0], levels: ["1", "2"])
        let chain = SingletonFilter.find([u, m], rowCount: 5)
        #expect(chain.keep == [false, false, false, true, true])
        #expect(chain.dropped == [2, 1])
    }

    @Test func noFactorsMeansNoSingletons() {
        let (keep, dropped) = SingletonFilter.find([], rowCount: 3)
        #expect(keep == [true, true, true] && dropped.isEmpty)
    }
}
