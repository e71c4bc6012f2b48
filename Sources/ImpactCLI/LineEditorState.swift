/// The text being edited on one line, the cursor, and the walk through history; no terminal I/O,
/// so the editing rules can be tested directly.
struct LineEditorState {
    /// The line's characters.
    private(set) var buffer: [Character] = []
    /// The cursor position, `0...buffer.count`.
    private(set) var cursor = 0
    /// Earlier lines, oldest first.
    let history: [String]
    /// The history entry shown, or `history.count` for the line being typed.
    private var historyIndex: Int
    /// The line being typed, kept while the user browses history.
    private var draft: [Character] = []

    init(history: [String]) {
        self.history = history
        historyIndex = history.count
    }

    /// The line as text.
    var text: String { String(buffer) }

    /// The text left of the cursor (what completion looks at).
    var textBeforeCursor: String { String(buffer[..<cursor]) }

    mutating func insert(_ text: String) {
        buffer.insert(contentsOf: Array(text), at: cursor)
        cursor += text.count
    }

    /// Deletes the character left of the cursor.
    mutating func backspace() {
        guard cursor > 0 else { return }
        buffer.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    mutating func deleteForward() {
        guard cursor < buffer.count else { return }
        buffer.remove(at: cursor)
    }

    mutating func moveLeft() { cursor = max(0, cursor - 1) }
    mutating func moveRight() { cursor = min(buffer.count, cursor + 1) }
    mutating func moveHome() { cursor = 0 }
    mutating func moveEnd() { cursor = buffer.count }

    /// Deletes from the cursor to the end of the line (Ctrl-K).
    mutating func killToEnd() { buffer.removeSubrange(cursor...) }

    /// Empties the line (Ctrl-C, Ctrl-U).
    mutating func clear() {
        buffer = []
        cursor = 0
    }

    /// Shows the previous history entry (up arrow), keeping the typed line to come back to.
    mutating func previous() {
        guard historyIndex > 0 else { return }
        if historyIndex == history.count { draft = buffer }
        historyIndex -= 1
        show(Array(history[historyIndex]))
    }

    /// Shows the next history entry, or the typed line after the newest (down arrow).
    mutating func next() {
        guard historyIndex < history.count else { return }
        historyIndex += 1
        show(historyIndex == history.count ? draft : Array(history[historyIndex]))
    }

    /// Completes the word left of the cursor (`partial`) from `candidates`: one candidate is
    /// inserted whole (with a space after it unless it is a folder); several extend the word to
    /// their longest common prefix. Returns the candidates to list when nothing could be added.
    mutating func complete(partial: String, candidates: [String]) -> [String] {
        guard let first = candidates.first else { return [] }
        if candidates.count == 1 {
            insert(String(first.dropFirst(partial.count)) + (first.hasSuffix("/") ? "" : " "))
            return []
        }
        var common = Array(first)
        for candidate in candidates.dropFirst() {
            common = Array(zip(common, candidate).prefix { $0 == $1 }.map(\.0))
        }
        guard common.count > partial.count else { return candidates }
        insert(String(common.dropFirst(partial.count)))
        return []
    }

    private mutating func show(_ line: [Character]) {
        buffer = line
        cursor = line.count
    }
}
