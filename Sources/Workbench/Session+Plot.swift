import DataFrameModule
import Foundation
import Reporting

extension Session {
    /// `plot Y [X [by G]] [saving FILE.svg]`: writes an SVG plot of the current dataset and returns
    /// where it went, with the SVG itself for a notebook to show.
    ///
    /// With one column, a histogram of Y; with X, the mean of Y at each value of X as a line (a
    /// trend over periods, say); with `by G`, one line per level of G (trained against untrained).
    /// Rows missing Y, X or G are left out and counted in the reply. The file defaults to
    /// `plot_Y[_X][_by_G].svg` in the current directory.
    /// - Throws: `SessionError` (no dataset, usage — including a non-numeric Y or X —, no complete rows).
    func plot(_ rest: String) throws -> SessionReply {
        let frame = try requireFrame("plot")
        var words = try SessionTokenizer.words(rest)
        let usage = "plot Y [X [by G]] [saving FILE.svg]"
        var file: String?
        if let at = words.firstIndex(of: "saving") {
            guard at + 1 < words.count else {
                throw SessionError.usage(command: "plot", problem: "'saving' needs a file name", usage: usage)
            }
            file = words[at + 1]
            words.removeSubrange(at...(at + 1))
        }
        var group: String?
        if let at = words.firstIndex(of: "by") {
            guard at + 1 < words.count, at + 2 == words.count else {
                throw SessionError.usage(command: "plot", problem: "'by' takes one column, last", usage: usage)
            }
            group = words[at + 1]
            words.removeSubrange(at...(at + 1))
        }
        guard (1...2).contains(words.count) else {
            throw SessionError.usage(command: "plot", problem: "give one or two columns", usage: usage)
        }
        guard group == nil || words.count == 2 else {
            throw SessionError.usage(command: "plot", problem: "'by' needs an X column to draw lines along", usage: usage)
        }
        func numeric(_ name: String) throws -> [Double] {
            let column = try frame.column(named: name)
            guard column.type.isNumeric, let values = column.numericValues() else {
                throw SessionError.usage(
                    command: "plot",
                    problem: "column '\(name)' is \(column.type.description), not numeric (tabulate \(name) counts its levels; "
                        + "use it after 'by' to draw one line per level)",
                    usage: usage)
            }
            return values
        }
        let y = try numeric(words[0])
        let x = words.count == 2 ? try numeric(words[1]) : nil
        let g = try group.map { try frame.column(named: $0) }
        let rows = (0..<frame.rowCount).filter { i in
            !y[i].isNaN && !(x?[i].isNaN ?? false) && !(g?.isMissing(i) ?? false)
        }
        guard !rows.isEmpty else {
            throw SessionError.usage(command: "plot", problem: "no row has every plotted column", usage: usage)
        }
        let svg: String
        if let x {
            svg = Self.trendPlot(
                y: y, x: x, group: g, rows: rows, yName: words[0], xName: words[1], groupName: group)
        } else {
            let bins = SVGHistogram(values: rows.map { y[$0] })
            var plot = SVGPlot(
                title: "Distribution of \(words[0])", x: .nice(covering: bins.edges),
                y: .nice(covering: bins.counts.map(Double.init), including: [0], targetTicks: 4), xTitle: words[0],
                yTitle: "rows")
            plot.histogram(bins, color: SVGPlot.palette[0])
            svg = plot.svg
        }
        let path = file ?? "plot_" + ([words[0]] + words.dropFirst() + (group.map { ["by", $0] } ?? [])).joined(separator: "_") + ".svg"
        do {
            try svg.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw SessionError.commandFailed(command: "plot", message: "Cannot write '\(path)': \(error.localizedDescription)")
        }
        let left = frame.rowCount - rows.count
        let text = "Plot written to \(path) (\(rows.count) rows" + (left > 0 ? "; \(left) with missing values left out)" : ")")
        return SessionReply(text: text, svg: svg)
    }

    /// Mean of y at each distinct x, one line per group level.
    static func trendPlot(
        y: [Double], x: [Double], group: Column?, rows: [Int], yName: String, xName: String, groupName: String?
    ) -> String {
        var sums: [String: [Double: (Double, Int)]] = [:]
        for i in rows {
            let level = group.map { $0.text(at: i) } ?? yName
            let current = sums[level, default: [:]][x[i], default: (0, 0)]
            sums[level, default: [:]][x[i]] = (current.0 + y[i], current.1 + 1)
        }
        let levels = sums.keys.sorted()
        let lines = levels.map { level in
            sums[level]!.keys.sorted().map { xv -> (x: Double, y: Double) in
                let (total, count) = sums[level]![xv]!
                return (xv, total / Double(count))
            }
        }
        let all = lines.flatMap { $0 }
        var plot = SVGPlot(
            title: "Mean of \(yName) by \(xName)" + (groupName.map { " and \($0)" } ?? ""),
            x: .nice(covering: all.map(\.x)), y: .nice(covering: all.map(\.y)), xTitle: xName, yTitle: "mean \(yName)")
        for (k, line) in lines.enumerated() {
            plot.line(line, color: SVGPlot.palette[k % SVGPlot.palette.count], dashed: k % 2 == 1, markers: line.count <= 60)
        }
        if let groupName, levels.count > 1 {
            plot.legend(levels.enumerated().map { ("\(groupName) = \($1)", SVGPlot.palette[$0 % SVGPlot.palette.count]) })
        }
        return plot.svg
    }
}
