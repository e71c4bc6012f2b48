import Foundation

/// The REPL's persistent history: one command per line in a text file (`~/.impact_history`, as
/// bash keeps `~/.bash_history`), appended as commands are entered and capped when read.
struct LineEditorHistory {
    /// The history file.
    let path: String
    /// How many of the latest entries are kept in memory.
    static let limit = 1000
    /// The entries, oldest first.
    private(set) var entries: [String]

    /// The history in `path` (empty if the file does not exist yet).
    init(path: String) {
        self.path = path
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        entries = Array(text.split(separator: "\n").map(String.init).suffix(Self.limit))
    }

    /// The default file: `$HOME/.impact_history`.
    static var defaultPath: String {
        let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
        return (home as NSString).appendingPathComponent(".impact_history")
    }

    /// Adds a non-blank line that differs from the last entry and appends it to the file;
    /// a history that cannot be written is skipped silently, since it must not stop the session.
    mutating func add(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, trimmed != entries.last, !trimmed.contains("\n") else { return }
        entries.append(trimmed)
        if entries.count > Self.limit { entries.removeFirst(entries.count - Self.limit) }
        let data = Data((trimmed + "\n").utf8)
        if let handle = FileHandle(forWritingAtPath: path) {
            handle.seekToEndOfFile()
            handle.write(data)
            handle.closeFile()
        } else {
            _ = FileManager.default.createFile(atPath: path, contents: data)
        }
    }
}
