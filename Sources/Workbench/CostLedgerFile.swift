import Attribution
import DataFrameModule
import Foundation

/// A fully loaded cost ledger read from a CSV file, one cost item per line (guiding principle 10).
///
/// The header names the columns, in any order: `item` and `category` (direct, indirect or
/// development) are required; each line gives `amount`, or `hours` and `rate` (hours × fully
/// loaded hourly rate), and optionally `share` (this program's share of a cost shared with other
/// programs, in (0, 1]: amount × share). `source`, `currency` (ISO code) and `period` are optional
/// text. Empty lines are skipped; fields may be quoted (`"Design, build"`, `""` for a quote) but
/// stay on one line. Every problem names the file and line; the ledger's own checks (mixed
/// currencies or periods) are Attribution's `AttributionError`s.
///
/// Example:
///
///     item,category,amount,hours,rate,source,currency
///     Facilitator fees,direct,7000,,,Invoice 2024-117,USD
///     Participant time,indirect,,80,50,HR loaded wage,USD
public enum CostLedgerFile {
    /// The columns a cost file may have.
    public static let columns = ["item", "category", "amount", "hours", "rate", "share", "source", "currency", "period"]

    /// Reads the ledger at `path`.
    /// - Throws: `SessionAnalysisError.costFile` (file:line and the problem), `AttributionError`.
    public static func read(path: String) throws -> CostLedger {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw SessionAnalysisError.costFile(
                file: path, line: 0, problem: "cannot read the cost file; check the path (or give costs(AMOUNT) for a total)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw SessionAnalysisError.costFile(file: path, line: 0, problem: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    /// Parses cost-file `text`; `file` names it in errors.
    public static func parse(_ text: String, file: String) throws -> CostLedger {
        func problem(_ line: Int, _ message: String) -> SessionAnalysisError {
            .costFile(file: file, line: line, problem: message)
        }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map(String.init)
        guard let headerIndex = lines.firstIndex(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
            throw problem(1, "the file is empty; give a header line (item,category,amount,…) and one line per cost item")
        }
        let header = try fields(lines[headerIndex], line: headerIndex + 1, file: file).map { $0.lowercased() }
        for name in header where !columns.contains(name) {
            let hint = closestName(to: name, among: columns).map { " Did you mean '\($0)'?" } ?? ""
            throw problem(headerIndex + 1, "unknown column '\(name)'.\(hint) Columns: \(columns.joined(separator: ", "))")
        }
        for required in ["item", "category"] where !header.contains(required) {
            throw problem(headerIndex + 1, "the header has no '\(required)' column")
        }
        var items: [CostItem] = []
        for k in (headerIndex + 1)..<lines.count where !lines[k].trimmingCharacters(in: .whitespaces).isEmpty {
            let line = k + 1
            let cells = try fields(lines[k], line: line, file: file)
            guard cells.count == header.count else {
                throw problem(line, "\(cells.count) fields where the header has \(header.count)")
            }
            var row: [String: String] = [:]
            for (name, cell) in zip(header, cells) where !cell.isEmpty { row[name] = cell }
            items.append(try item(row, line: line, problem: problem))
        }
        guard !items.isEmpty else { throw problem(headerIndex + 1, "the file lists no cost item below its header") }
        return try CostLedger(items: items)
    }

    /// One cost item from a line's non-empty cells.
    static func item(_ row: [String: String], line: Int, problem: (Int, String) -> SessionAnalysisError) throws -> CostItem {
        guard let name = row["item"] else { throw problem(line, "the item has no name") }
        let categoryText = (row["category"] ?? "").lowercased()
        guard let category = CostCategory(rawValue: categoryText) else {
            let names = CostCategory.allCases.map(\.rawValue)
            let hint = closestName(to: categoryText, among: names).map { " Did you mean '\($0)'?" } ?? ""
            throw problem(line, "'\(name)' has category '\(categoryText)'; use direct, indirect or development.\(hint)")
        }
        func number(_ column: String) throws -> Double? {
            guard let text = row[column] else { return nil }
            guard let value = Double(text.replacingOccurrences(of: ",", with: "")), value.isFinite else {
                throw problem(line, "\(column) '\(text)' of '\(name)' is not a number")
            }
            // A negative cost would silently raise the ROI.
            guard value >= 0 else { throw problem(line, "\(column) of '\(name)' is negative (\(text)); costs are never negative") }
            return value
        }
        let amount: CostAmount
        switch (try number("amount"), try number("hours"), try number("rate")) {
        case (let a?, nil, nil): amount = .fixed(a)
        case (nil, let h?, let r?): amount = .hours(h, rate: r)
        case (nil, .some, nil): throw problem(line, "'\(name)' gives hours but no rate")
        case (nil, nil, .some): throw problem(line, "'\(name)' gives a rate but no hours")
        case (nil, nil, nil): throw problem(line, "'\(name)' gives neither an amount nor hours and rate")
        default: throw problem(line, "'\(name)' gives both an amount and hours/rate; give one")
        }
        var final = amount
        if let share = try number("share") {
            guard share > 0, share <= 1 else { throw problem(line, "share of '\(name)' must lie in (0, 1], got \(share)") }
            final = .shared(total: amount.value, share: share)
        }
        return CostItem(
            name: name, category: category, amount: final, source: row["source"], currency: row["currency"]?.uppercased(),
            period: row["period"])
    }

    /// The fields of one CSV line; quoted fields keep commas, `""` is a quote.
    static func fields(_ line: String, line number: Int, file: String) throws -> [String] {
        var fields: [String] = []
        var current = ""
        var quoted = false
        var chars = line.makeIterator()
        while let c = chars.next() {
            if quoted {
                if c == "\"" {
                    if let next = chars.next() {
                        if next == "\"" {
                            current.append("\"")
                        } else {
                            quoted = false
                            if next == "," {
                                fields.append(current)
                                current = ""
                            } else {
                                current.append(next)
                            }
                        }
                    } else {
                        quoted = false
                    }
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                fields.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        guard !quoted else {
            throw SessionAnalysisError.costFile(
                file: file, line: number, problem: "a quoted field is not closed (each cost item stays on one line)")
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: .whitespaces) }
    }
}
