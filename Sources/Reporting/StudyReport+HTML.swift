/// Self-contained HTML rendering of a study report: one file with inline CSS and inline SVG plots,
/// no scripts and no external assets, readable on screen and printed.
///
/// Formatting only (house style 10): every number is read from the report or the supplement, and
/// every data-derived string is escaped with `HTMLEscaping`. The section order follows the
/// Markdown report (Phillips & Phillips, *The Value of Learning*, ch. 9: headline range first,
/// then isolation evidence, money, assumptions and principles), and a reproducibility footer ends it.
extension StudyReport {
    /// The ids of the report's sections, in document order (each is an `<section id="…">`).
    /// A section whose data are absent is left out of the document (diagnostics, when none were
    /// run, says so instead).
    public static let htmlSectionIDs = [
        "summary", "chain-of-impact", "design", "observations", "means", "trends", "event-study", "isolation", "balance",
        "effect", "conversion", "conversion-table", "costs", "roi", "bootstrap", "sensitivity", "diagnostics",
        "assumptions", "principles", "warnings", "reproducibility",
    ]

    /// The report as a complete HTML5 document. Void elements are self-closed (`<meta … />`, allowed
    /// by HTML5), so the document without its doctype is also well-formed XML, which the tests check.
    ///
    /// - Parameter supplement: ROI replicates for the bootstrap histogram and the reproducibility
    ///   details; without it the histogram is replaced by a note and the footer says what is missing.
    public func html(supplement: HTMLSupplement? = nil) -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n"
        out += "<meta name=\"generator\" content=\"\(Self.h(supplement?.toolVersion ?? "impact"))\" />\n"
        out += "<title>\(Self.h(title))</title>\n<style>\n\(Self.htmlStyle)</style>\n</head>\n<body>\n<main>\n"
        out += "<h1>\(Self.h(title))</h1>\n<p class=\"headline\">\(Self.h(headline))</p>\n"
        out += htmlSummary + htmlChainOfImpact + htmlDesign + htmlObservations + htmlMeans + htmlTrends + htmlEventStudy
        out += htmlIsolation + htmlBalance + htmlEffect + htmlConversion + htmlConversionTable + htmlCosts + htmlROI
        out += htmlBootstrap(supplement) + htmlSensitivity + htmlDiagnostics + htmlAssumptions + htmlPrinciples + htmlWarnings
        out += htmlReproducibility(supplement)
        return out + "</main>\n</body>\n</html>\n"
    }

    /// Inline style sheet: a readable single column on screen; on paper, 10 pt text, no page break
    /// inside a table or plot, and plots kept within the page width.
    static let htmlStyle = """
        body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222; margin: 0; background: #fff; }
        main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; line-height: 1.45; }
        h1 { font-size: 1.7rem; margin-bottom: 0.3rem; }
        h2 { font-size: 1.25rem; border-bottom: 1px solid #ccc; padding-bottom: 0.2rem; margin-top: 2rem; }
        .headline { font-size: 1.1rem; font-weight: 600; background: #eef4fa; border-left: 4px solid #0072B2; padding: 0.6rem 0.9rem; }
        table { border-collapse: collapse; margin: 0.6rem 0; font-size: 0.92rem; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        tr.total td { font-weight: 600; border-top: 2px solid #999; }
        figure { margin: 0.8rem 0; }
        figure svg { max-width: 100%; height: auto; }
        figcaption { font-size: 0.85rem; color: #555; }
        .warning { color: #8a3b00; }
        tr.headline-method td { font-weight: 600; background: #fdf3e1; }
        tr.not-collected td { color: #666; font-style: italic; }
        td ul { margin: 0; padding-left: 1.1rem; }
        .badge { display: inline-block; white-space: nowrap; font-weight: 600; padding: 0 0.4rem; border: 1px solid; border-radius: 3px; }
        .badge-pass { color: #0b6e3c; background: #e4f4ea; }
        .badge-fail { color: #a40000; background: #fde4e4; }
        .badge-warning { color: #7a4d00; background: #fff0d4; }
        .badge-not-run { color: #555; background: #eeeeee; }
        footer { margin-top: 2rem; font-size: 0.85rem; color: #444; }
        code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.88em; word-break: break-all; }
        @media print {
          @page { margin: 15mm; }
          body { font-size: 10pt; }
          main { max-width: none; padding: 0; }
          .headline { background: none; border-left: 3px solid #000; }
          table, figure, .headline { break-inside: avoid; page-break-inside: avoid; }
          table { width: 100%; font-size: 8.5pt; }
          th, td { padding: 0.15rem 0.35rem; overflow-wrap: anywhere; }
          figure svg { max-width: 100%; height: auto; }
          .badge, tr.headline-method td { background: none; }
          h2, h3 { break-after: avoid; page-break-after: avoid; }
        }

        """

    /// Shorthand for `HTMLEscaping.escape`.
    static func h(_ text: String) -> String { HTMLEscaping.escape(text) }

    /// A `<section>` with an id and a heading (the heading text is escaped).
    static func section(_ id: String, _ heading: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(h(heading))</h2>\n\(body)</section>\n"
    }

    /// A table of escaped cells; columns in `numeric` are right-aligned; rows in `totals` are emphasised.
    static func table(header: [String], rows: [[String]], numeric: Set<Int> = [], totals: Set<Int> = []) -> String {
        markupTable(
            header: header, rows: rows.map { $0.map(h) }, numeric: numeric,
            rowClasses: rows.indices.map { totals.contains($0) ? "total" : nil })
    }

    /// A table whose body cells are markup already (escaped by the caller, e.g. a badge or a list);
    /// `rowClasses[r]` is the class of body row r, if any. Header cells are escaped here.
    static func markupTable(header: [String], rows: [[String]], numeric: Set<Int> = [], rowClasses: [String?] = []) -> String {
        func cls(_ k: Int) -> String { numeric.contains(k) ? " class=\"num\"" : "" }
        var out = "<table>\n<thead><tr>"
        for (k, cell) in header.enumerated() { out += "<th\(cls(k))>\(h(cell))</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            let rowClass = r < rowClasses.count ? rowClasses[r] : nil
            out += rowClass.map { "<tr class=\"\($0)\">" } ?? "<tr>"
            for (k, cell) in row.enumerated() { out += "<td\(cls(k))>\(cell)</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>\n"
    }

    /// A paragraph of escaped text.
    static func paragraph(_ text: String, cssClass: String? = nil) -> String {
        "<p\(cssClass.map { " class=\"\($0)\"" } ?? "")>\(h(text))</p>\n"
    }

    /// A bulleted list of escaped items.
    static func list(_ items: [String], cssClass: String? = nil) -> String {
        "<ul\(cssClass.map { " class=\"\($0)\"" } ?? "")>\n" + items.map { "<li>\(h($0))</li>\n" }.joined() + "</ul>\n"
    }

    /// A figure wrapping an SVG with an escaped caption.
    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\n\(svg)<figcaption>\(h(caption))</figcaption>\n</figure>\n"
    }
}
