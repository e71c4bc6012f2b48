import DataFrameModule

extension Session {
    /// `summarize [COLUMN ...] [by COLUMN]`: N, mean, sd, min and max per numeric column (Stata's
    /// `summarize`, `by group: summarize`), as an aligned table and as an HTML table.
    ///
    /// Missing values are left out of every statistic; `sd` is the sample standard deviation
    /// (n − 1 divisor, as Stata and R's `sd`), missing when N < 2.
    func summarize(_ rest: String) throws -> SessionReply {
        let frame = try requireFrame("summarize")
        var names = try SessionTokenizer.words(rest)
        var group: String?
        if let by = names.firstIndex(of: "by") {
            guard by == names.count - 2 else {
                throw SessionError.usage(
                    command: "summarize", problem: "give one grouping column after 'by'",
                    usage: "summarize [COLUMN ...] [by COLUMN]")
            }
            group = names[by + 1]
            names.removeSubrange(by...)
        }
        if names.isEmpty {
            names = frame.columns.filter { $0.type.isNumeric && $0.name != group }.map(\.name)
        }
        var values: [String: [Double]] = [:]
        for name in names {
            let column = try frame.column(named: name)
            guard column.type.isNumeric, let numbers = column.numericValues() else {
                throw SessionError.notNumeric(column: name, type: column.type.description)
            }
            values[name] = numbers
        }
        let groups: [(key: String, rows: [Int])]
        if let group {
            groups = try frame.grouped(by: [group]).groups.map { ($0.key[0], $0.rows) }
        } else {
            groups = [("", Array(0..<frame.rowCount))]
        }
        var keys: [String] = []
        var variables: [String] = []
        var statistics: [[Double?]] = []
        for (key, rows) in groups {
            for name in names {
                let x = rows.map { values[name]![$0] }.filter { !$0.isNaN }
                keys.append(key)
                variables.append(name)
                statistics.append([
                    Double(x.count), DescriptiveStatistics.mean(x), DescriptiveStatistics.standardDeviation(x),
                    x.min(), x.max(),
                ])
            }
        }
        var columns = [Session.textColumn("variable", variables)]
        if let group { columns.insert(Session.textColumn(group, keys), at: 0) }
        columns.append(Column(name: "N", values: .integer(statistics.map { Int($0[0]!) }, missing: statistics.map { _ in false })))
        for (k, label) in ["mean", "sd", "min", "max"].enumerated() {
            let column = statistics.map { $0[k + 1] }
            columns.append(Column(name: label, values: .double(column.map { $0 ?? 0 }, missing: column.map { $0 == nil })))
        }
        let table = try DataFrame(columns: columns)
        return SessionReply(text: table.formattedTable(maxRows: max(table.rowCount, 1)), html: Session.htmlTable(table))
    }

    /// `tabulate COLUMN`: one row per value with its count, percent and cumulative percent (Stata's
    /// `tabulate`); numbers in numeric order, text in byte order, missing values last as `NA`.
    /// As text and as an HTML table.
    func tabulate(_ rest: String) throws -> SessionReply {
        let frame = try requireFrame("tabulate")
        let words = try SessionTokenizer.words(rest)
        guard words.count == 1 else {
            throw SessionError.usage(command: "tabulate", problem: "give one column", usage: "tabulate COLUMN")
        }
        let column = try frame.column(named: words[0])
        var counts: [String: Int] = [:]
        var missing = 0
        for i in 0..<frame.rowCount {
            if column.isMissing(i) { missing += 1 } else { counts[column.text(at: i), default: 0] += 1 }
        }
        var levels = counts.keys.sorted()
        if column.type.isNumeric { levels.sort { (Double($0) ?? 0) < (Double($1) ?? 0) } }
        if missing > 0 {
            levels.append("NA")
            counts["NA"] = missing
        }
        let total = Double(frame.rowCount)
        let frequencies = levels.map { counts[$0]! }
        // Percentages rounded to two decimals, as Stata prints them.
        func rounded(_ x: Double) -> Double { (x * 100).rounded() / 100 }
        var cumulative = 0
        let cumulativePercents = frequencies.map { count -> Double in
            cumulative += count
            return rounded(100 * Double(cumulative) / total)
        }
        let none = levels.map { _ in false }
        let table = try DataFrame(columns: [
            Session.textColumn(words[0], levels),
            Column(name: "count", values: .integer(frequencies, missing: none)),
            Column(name: "percent", values: .double(frequencies.map { rounded(100 * Double($0) / total) }, missing: none)),
            Column(name: "cumulative", values: .double(cumulativePercents, missing: none)),
        ])
        let totalNote = "(total \(frame.rowCount))"
        return SessionReply(
            text: table.formattedTable(maxRows: max(table.rowCount, 1)) + " " + totalNote,
            html: Session.htmlTable(table, footer: totalNote))
    }

    /// A categorical column holding `texts` (levels sorted, as `ColumnValues.categorical` requires).
    static func textColumn(_ name: String, _ texts: [String]) -> Column {
        let levels = Array(Set(texts)).sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let code = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
        return Column(name: name, values: .categorical(codes: texts.map { code[$0]! }, levels: levels))
    }
}
