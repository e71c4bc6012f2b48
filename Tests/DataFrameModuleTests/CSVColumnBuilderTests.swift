import Testing

@testable import DataFrameModule

/// Type inference and missing values, through the reader.
@Suite struct CSVColumnBuilderTests {
    @Test func infersEachTypeInOrder() throws {
        let df = try readCSV(
            """
            i,d,b,day,cat
            1,1,true,2024-01-31,a
            -2,2.5,FALSE,2024-02-29,b
            +3,-1e3,True,1999-12-31,a
            """)
        #expect(df["i"]?.values == .integer([1, -2, 3], missing: [false, false, false]))
        #expect(df["d"]?.values == .double([1, 2.5, -1000], missing: [false, false, false]))
        #expect(df["b"]?.values == .bool([true, false, true], missing: [false, false, false]))
        #expect(df["day"]?.values == .date(daysSinceEpoch: [19753, 19782, 10956], missing: [false, false, false]))
        #expect(df["cat"]?.values == .categorical(codes: [0, 1, 0], levels: ["a", "b"]))
    }

    @Test func integersThenDecimalsBecomeDouble() throws {
        let df = try readCSV("x\n1\n-0\nNA\n2.5\n")
        guard case .double(let v, let m)? = df["x"]?.values else {
            Issue.record("expected double")
            return
        }
        #expect(v[0] == 1 && v[3] == 2.5)
        #expect(v[1] == 0 && v[1].sign == .minus)  // "-0" keeps its sign, as Double("-0") does
        #expect(v[2].isNaN && m == [false, false, true, false])
    }

    @Test func integerOverflowIsDouble() throws {
        let df = try readCSV("x\n1\n99999999999999999999\n")
        #expect(df["x"]?.values == .double([1, 1e20], missing: [false, false]))
    }

    @Test func lateTextMakesTheColumnCategoricalWithOriginalSpellings() throws {
        let df = try readCSV("n,d,b,day\n007,1.50,TRUE,2024-01-01\n12,2,false,2024-01-02\nx,y,maybe,soon\n")
        #expect(df["n"]?.values == .categorical(codes: [0, 1, 2], levels: ["007", "12", "x"]))
        #expect(df["d"]?.values == .categorical(codes: [0, 1, 2], levels: ["1.50", "2", "y"]))
        #expect(df["b"]?.values == .categorical(codes: [0, 1, 2], levels: ["TRUE", "false", "maybe"]))
        #expect(df["day"]?.values == .categorical(codes: [0, 1, 2], levels: ["2024-01-01", "2024-01-02", "soon"]))
    }

    @Test func mixedNumbersAndBooleansAreCategorical() throws {
        let df = try readCSV("x\n1\ntrue\n")
        #expect(df["x"]?.type == .categorical)
    }

    @Test func invalidDatesAreText() throws {
        let df = try readCSV("day\n2024-01-31\n2023-02-29\n")
        #expect(df["day"]?.type == .categorical)
    }

    @Test func yesNoIsNotBoolean() throws {
        #expect(try readCSV("x\nyes\nno\n")["x"]?.type == .categorical)
        #expect(try readCSV("x\nTrue\nfalse\nTRUE\n")["x"]?.type == .bool)
    }

    @Test func defaultMissingTokens() throws {
        let df = try readCSV("x,s\n1,a\n,\nNA,NA\nNaN,NaN\nnull,null\n.,.\n\"NA\",\"\"\n2,b\n")
        #expect(df["x"]?.values == .integer([1, 0, 0, 0, 0, 0, 0, 2], missing: [false, true, true, true, true, true, true, false]))
        #expect(df["s"]?.values == .categorical(codes: [0, -1, -1, -1, -1, -1, -1, 1], levels: ["a", "b"]))
    }

    @Test func missingTokensAreConfigurable() throws {
        let options = CSVOptions(missingTokens: ["-999", "n/a"])
        let df = try readCSV("x,s\n1,n/a\n-999,\n3,NA\n", options)
        #expect(df["x"]?.values == .integer([1, 0, 3], missing: [false, true, false]))
        // The empty field is now a value (an empty level) and "NA" is a level like any other.
        #expect(df["s"]?.values == .categorical(codes: [-1, 0, 1], levels: ["", "NA"]))
    }

    @Test func columnOfOnlyMissingValuesIsDouble() throws {
        let df = try readCSV("x,y\nNA,1\n,2\n")
        #expect(df["x"]?.type == .double)
        #expect(df["x"]?.missingCount == 2)
    }

    @Test func leadingMissingValuesAreBackFilled() throws {
        let df = try readCSV("a,b,c,d\nNA,NA,NA,NA\n1,x,true,2024-01-01\n")
        #expect(df["a"]?.values == .integer([0, 1], missing: [true, false]))
        #expect(df["b"]?.values == .categorical(codes: [-1, 0], levels: ["x"]))
        #expect(df["c"]?.values == .bool([false, true], missing: [true, false]))
        #expect(df["d"]?.values == .date(daysSinceEpoch: [0, 19723], missing: [true, false]))
    }

    @Test func forcedTypesOverrideInference() throws {
        let options = CSVOptions(columnTypes: ["id": .categorical, "x": .double, "flag": .categorical])
        let df = try readCSV("id,x,flag\n10,1,true\n9,2,false\n10,NA,true\n", options)
        // Levels sort byte-wise, so "10" comes before "9".
        #expect(df["id"]?.values == .categorical(codes: [0, 1, 0], levels: ["10", "9"]))
        #expect(df["x"]?.type == .double)
        #expect(df["x"]?.numericValues()?.prefix(2) == [1, 2])
        #expect(df["x"]?.isMissing(2) == true)
        #expect(df["flag"]?.type == .categorical)
    }

    @Test func levelsAreSortedByteWise() throws {
        let df = try readCSV("s\nb\nÉ\nB\na\nZ\n")
        guard case .categorical(let codes, let levels)? = df["s"]?.values else {
            Issue.record("expected categorical")
            return
        }
        #expect(levels == ["B", "Z", "a", "b", "É"])
        #expect(codes.map { levels[Int($0)] } == ["b", "É", "B", "a", "Z"])
    }

    @Test func escapedQuotesInCategoricalValues() throws {
        let df = try readCSV("s\n\"a \"\"b\"\"\"\n\"a \"\"b\"\"\"\nc\n")
        #expect(df["s"]?.values == .categorical(codes: [0, 0, 1], levels: ["a \"b\"", "c"]))
    }

    @Test func parsedValuesEqualDoubleInitializerOnAGeneratedFile() throws {
        var g = SplitMix64(seed: 5)
        var texts: [String] = []
        var text = "x\n"
        for _ in 0..<2_000 {
            let t = "\(Double.random(in: -1e6...1e6, using: &g))"
            texts.append(t)
            text += t + "\n"
        }
        let values = try #require(readCSV(text)["x"]?.numericValues())
        #expect(values == texts.map { Double($0)! })
    }
}
