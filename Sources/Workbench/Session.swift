import DataFrameModule
import Foundation

/// What a session command returns: text to print, optional rich forms of the same result for a
/// notebook, and whether the session should end.
public struct SessionReply: Sendable, Equatable {
    /// Text to print (possibly empty), ending with a line break when not empty.
    public var text: String
    /// The result as an HTML table (`describe`, `head`, `summarize`, `tabulate`), every data string escaped.
    public var html: String?
    /// The plot as an SVG document (`plot`), the same as the file it wrote.
    public var svg: String?
    /// Whether the command was `quit`.
    public var quits: Bool

    /// A reply.
    public init(text: String, html: String? = nil, svg: String? = nil, quits: Bool = false) {
        self.text = text.isEmpty || text.hasSuffix("\n") ? text : text + "\n"
        self.html = html
        self.svg = svg
        self.quits = quits
    }
}

/// An analysis session: the current dataset and the command language that acts on it, shared by
/// `impact repl` and `.impact` scripts.
///
/// Each line is one command (`use`, `describe`, `head`, `keep if`, `generate`, `summarize`,
/// `tabulate`, `save`, `run`, `help`, `quit`, and the host's estimation commands). Data commands
/// change the dataset in memory in the manner of Stata; a command that fails leaves the session
/// as it was, so earlier results are kept. Estimation commands read the dataset from a file: the
/// loaded file while the data are unchanged, otherwise a scratch CSV written on demand.
public struct Session: Sendable {
    /// The current dataset, if one is loaded.
    public private(set) var frame: DataFrame?
    /// The file the dataset was loaded from.
    public private(set) var source: String?
    /// The host's commands by name.
    let external: [String: SessionExternalCommand]
    /// A CSV file holding exactly `frame`, or `nil` when it must be written before use.
    private(set) var dataFile: String?
    /// Where the scratch CSV of a changed dataset goes (unique per session).
    private let scratchFile: String
    /// The last estimate, transcript, datasets and seeds, and the progress hook (see `SessionRecord`).
    public var record = SessionRecord()

    /// A session without a dataset; `commands` are the host's commands (e.g. `regress`).
    public init(commands: [SessionExternalCommand] = []) {
        external = Dictionary(commands.map { ($0.command.name, $0) }, uniquingKeysWith: { _, last in last })
        scratchFile =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("impact-session-\(UUID().uuidString).csv").path
    }

    /// Every command, built-in and host-supplied, in help order.
    public var commands: [SessionCommand] {
        SessionCommand.builtins + external.values.map(\.command).sorted { $0.name < $1.name } + SessionCommand.analysis
    }

    /// Every command word, including the aliases `exit`, `gen`, `sum`, `tab`.
    public var commandNames: [String] { commands.map(\.name) + Session.aliases.keys.sorted() }

    /// Short forms accepted for Stata habits.
    static let aliases = ["exit": "quit", "gen": "generate", "sum": "summarize", "tab": "tabulate"]

    /// Runs one line and returns what to print.
    ///
    /// Blank lines and lines starting with `#` do nothing. The first word picks the command; an
    /// unknown word throws `SessionError.unknownCommand` with the closest command name.
    public mutating func execute(_ line: String) throws -> SessionReply {
        let reply = try dispatch(line)
        remember(line, reply)
        return reply
    }

    /// Runs one line's command (see `execute(_:)`).
    private mutating func dispatch(_ line: String) throws -> SessionReply {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return SessionReply(text: "") }
        // A comma also ends the word: Stata writes `bootstrap, reps(99) …`.
        let word = String(trimmed.prefix { !$0.isWhitespace && $0 != "," })
        let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
        let name = Session.aliases[word] ?? word
        switch name {
        case "use": return SessionReply(text: try use(rest))
        case "describe": return SessionReply(text: try describe(rest), html: describeHTML())
        case "head": return try head(rest)
        case "keep", "filter", "drop": return SessionReply(text: try keep(name, rest))
        case "generate", "replace": return SessionReply(text: try generate(replacing: name == "replace", rest))
        case "summarize": return try summarize(rest)
        case "tabulate": return try tabulate(rest)
        case "save": return SessionReply(text: try save(rest))
        case "plot": return try plot(rest)
        case "run": return SessionReply(text: try runStudy(rest))
        case "bootstrap": return SessionReply(text: try bootstrap(rest))
        case "roi": return SessionReply(text: try roi(rest))
        case "report": return SessionReply(text: try report(rest))
        case "help": return SessionReply(text: try help(rest))
        case "quit": return SessionReply(text: "", quits: true)
        default:
            guard let command = external[name] else {
                throw SessionError.unknownCommand(name: word, suggestion: closestName(to: word, among: commandNames))
            }
            return SessionReply(text: try runExternal(command, rest))
        }
    }

    /// The dataset, or `SessionError.noDataset` naming the command that needs it.
    func requireFrame(_ command: String) throws -> DataFrame {
        guard let frame else { throw SessionError.noDataset(command: command) }
        return frame
    }

    /// Replaces the dataset after a change; the scratch file is rewritten when next needed.
    mutating func update(_ newFrame: DataFrame) {
        frame = newFrame
        dataFile = nil
    }

    /// Loads `path` as the dataset (it is then its own data file).
    mutating func load(_ path: String) throws {
        frame = try DataFrame.readCSV(path: path)
        source = path
        dataFile = path
    }

    /// Deletes the scratch CSV of a changed dataset, if one was written; call when the session ends.
    public func removeScratchFile() {
        try? FileManager.default.removeItem(atPath: scratchFile)
    }

    /// A CSV file holding the current dataset, written to the scratch file if the data changed.
    mutating func currentDataFile(for command: String) throws -> String {
        let frame = try requireFrame(command)
        if let dataFile { return dataFile }
        try frame.writeCSV(path: scratchFile)
        dataFile = scratchFile
        return scratchFile
    }
}
