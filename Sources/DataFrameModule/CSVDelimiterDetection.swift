/// Chooses the field delimiter of a CSV file among comma, semicolon and tab.
///
/// Counts each candidate outside quotes on the header line and on up to `sampleLines` further
/// lines. A candidate that occurs on the header and the same number of times on every sampled
/// line wins (the most frequent such one; ties go to comma, then semicolon, then tab). Failing
/// that, the candidate most frequent on the header wins; a header without any candidate is a
/// single-column file and gets a comma. This is the consistency heuristic of Python's
/// `csv.Sniffer` (CPython `Lib/csv.py`, `_guess_delimiter`), reduced to the three separators
/// that occur in practice: semicolons come from locales with a decimal comma (Excel in much of
/// Europe), so the header, which holds no numbers, decides between comma and semicolon.
enum CSVDelimiterDetection {
    static let candidates: [UInt8] = [ASCII.comma, ASCII.semicolon, ASCII.tab]

    static func detect(in source: CSVSource, sampleLines: Int = 50) -> UInt8 {
        let p = source.bytes
        var perLine: [[Int]] = []  // per line, the count of each candidate
        var counts = [Int](repeating: 0, count: candidates.count)
        var inQuotes = false
        var lineHasContent = false
        var i = source.start
        while i < source.end && perLine.count <= sampleLines {
            let b = p[i]
            if b == ASCII.quote {
                inQuotes.toggle()  // a doubled quote toggles twice, which is right
                lineHasContent = true
            } else if !inQuotes && b == ASCII.lineFeed {
                if lineHasContent { perLine.append(counts) }
                counts = [Int](repeating: 0, count: candidates.count)
                lineHasContent = false
            } else if !inQuotes, let k = candidates.firstIndex(of: b) {
                counts[k] += 1
                lineHasContent = true
            } else if b != ASCII.carriageReturn {
                lineHasContent = true
            }
            i += 1
        }
        if lineHasContent && perLine.count <= sampleLines { perLine.append(counts) }
        guard let header = perLine.first else { return ASCII.comma }
        var best: Int?
        for k in candidates.indices where header[k] > 0 {
            let consistent = perLine.dropFirst().allSatisfy { $0[k] == header[k] }
            if consistent && (best == nil || header[k] > header[best!]) { best = k }
        }
        if let best { return candidates[best] }
        var mostFrequent: Int?
        for k in candidates.indices where header[k] > 0 {
            if mostFrequent == nil || header[k] > header[mostFrequent!] { mostFrequent = k }
        }
        return mostFrequent.map { candidates[$0] } ?? ASCII.comma
    }
}
