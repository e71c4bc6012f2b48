import Testing

@testable import DataFrameModule

@Suite struct DataFrameDescribeTests {
    static func frame() throws -> DataFrame {
        try readCSV(
            """
            i,sales,region,trained,day,empty
            4,35241.27,North,true,2024-03-01,NA
            1,41443.43,East,false,2024-01-15,NA
            7,28622.04,South,true,2025-12-01,NA
            NA,48374.63,North,NA,NA,NA
            2,NA,East,true,2024-02-29,NA
            10,43829.77,,false,2024-06-30,NA
            """)
    }

    @Test func countsMissingAndTypes() throws {
        let s = try Self.frame().describe()
        #expect(s.map(\.name) == ["i", "sales", "region", "trained", "day", "empty"])
        #expect(s.map(\.type) == [.integer, .double, .categorical, .bool, .date, .double])
        #expect(s.map(\.count) == [5, 5, 5, 5, 5, 0])
        #expect(s.map(\.missing) == [1, 1, 1, 1, 1, 6])
    }

    @Test func numericStatisticsByHand() throws {
        let n = try #require(try Self.frame().describe()[0].numeric)
        // 4 1 7 2 10: mean 4.8, s² = 54.8/4; sorted 1 2 4 7 10 gives quartiles 2, 4, 7.
        #expect(n.mean == 4.8)
        #expect(abs(n.sd! - 13.7.squareRoot()) < 1e-14)
        #expect([n.min, n.q25, n.median, n.q75, n.max] == [1, 2, 4, 7, 10])
    }

    @Test func numericStatisticsMatchNumpy() throws {
        // Reference: numpy 2.4.6 on the five non-missing sales values:
        //   y = np.array([35241.27, 41443.43, 28622.04, 48374.63, 43829.77])
        //   np.quantile(y, [.25, .5, .75]) -> [35241.27, 41443.43, 43829.77]
        //   y.mean() -> 39502.227999999996, y.std(ddof=1) -> 7709.566398463663
        let n = try #require(try Self.frame().describe()[1].numeric)
        #expect([n.q25, n.median, n.q75] == [35241.27, 41443.43, 43829.77])
        #expect(abs(n.mean - 39502.227999999996) < 1e-9)
        #expect(abs(n.sd! - 7709.566398463663) < 1e-9)
        #expect((n.min, n.max) == (28622.04, 48374.63))
    }

    @Test func interpolatedQuartilesMatchNumpy() throws {
        // Reference: numpy 2.4.6, y = np.round(np.random.default_rng(2026).normal(40000, 6000, 38), 2)
        //   np.quantile(y, [.25, .5, .75]).tolist() -> [37166.17, 39352.119999999995, 43845.7075]
        //   y.mean() -> 40139.59078947369, y.std(ddof=1) -> 5014.577215599823
        let y: [Double] = [
            35241.27, 41443.43, 28622.04, 48374.63, 43829.77, 38247.72, 38128.3, 41823.01, 38394.04, 38644.55,
            44320.41, 43088.23, 39615.23, 39487.14, 40965.5, 36315.89, 37577.5, 43289.56, 39217.1, 31753.44,
            37136.33, 43939.73, 38606.3, 39107.6, 43851.02, 50947.66, 35720.87, 48089.24, 32619.92, 41049.87,
            32982.82, 48108.75, 45003.54, 46826.3, 34686.8, 44107.33, 36885.92, 37255.69,
        ]
        let df = try DataFrame(columns: [Column(name: "y", values: .double(y, missing: Array(repeating: false, count: 38)))])
        let n = try #require(df.describe()[0].numeric)
        #expect([n.q25, n.median, n.q75] == [37166.17, 39352.119999999995, 43845.7075])
        #expect(abs(n.mean - 40139.59078947369) < 1e-9)
        #expect(abs(n.sd! - 5014.577215599823) < 1e-9)
    }

    @Test func levelsSortedByCountThenName() throws {
        let s = try Self.frame().describe()
        #expect(
            s[2].levels == [
                LevelCount(level: "East", count: 2), LevelCount(level: "North", count: 2), LevelCount(level: "South", count: 1),
            ])
        #expect(s[3].levels == [LevelCount(level: "true", count: 3), LevelCount(level: "false", count: 2)])
    }

    @Test func dateRangeAndEmptyColumns() throws {
        let s = try Self.frame().describe()
        #expect(s[4].details == .dates(first: ISODate.parse("2024-01-15")!, last: ISODate.parse("2025-12-01")!))
        #expect(s[5].details == .noValues)
    }

    @Test func nanStoredAsAValueCountsAsMissing() throws {
        let df = try DataFrame(columns: [Column(name: "x", values: .double([1, .nan, 3], missing: [false, false, false]))])
        let s = df.describe()[0]
        #expect((s.count, s.missing) == (2, 1))
        #expect(s.numeric?.mean == 2)
    }

    @Test func tableRendering() throws {
        let table = try Self.frame().describeTable()
        let lines = table.split(separator: "\n").map(String.init)
        #expect(lines.count == 8)
        #expect(lines[0].hasPrefix("column   type         count  missing"))
        #expect(lines[2].hasPrefix("i        integer          5        1"))
        #expect(lines[2].contains("4.8"))
        #expect(lines[3].contains("39502.2"))
        #expect(lines[4].hasSuffix("3 levels: East (2), North (2), South (1)"))
        #expect(lines[5].hasSuffix("2 levels: true (3), false (2)"))
        #expect(lines[6].hasSuffix("2024-01-15 … 2025-12-01"))
        #expect(lines[7].hasSuffix("no values"))
        // Every line has the numeric columns at the same positions: the table is aligned.
        let countEnd = lines[0].range(of: "count")!.upperBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst(2) {
            #expect(line[line.index(line.startIndex, offsetBy: countEnd - 1)].isNumber)
        }
    }
}
