import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `impact repl` run on a pseudo-terminal, typed at as a user would.
private final class PseudoTerminalSession {
    let process = Process()
    private let master: Int32
    private(set) var transcript = ""

    /// Starts `impact arguments…` with a fresh pseudo-terminal as its stdin, stdout and stderr and
    /// `HOME` set to `home` (where the history file goes).
    init(_ arguments: [String], home: URL) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        try #require(openpty(&master, &slave, nil, nil, nil) == 0, "openpty failed")
        self.master = master
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = ImpactProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = repositoryRoot()
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["OPENBLAS_NUM_THREADS"] = "1"
        environment["TERM"] = "xterm"
        process.environment = environment
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Sends bytes as if typed.
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress!, $0.count) }
    }

    /// Reads output until the transcript after `offset` contains `text`, or `timeout` seconds pass.
    @discardableResult
    func waitFor(_ text: String, after offset: Int = 0, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if transcript.dropFirst(offset).contains(text) { return true }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 200) >= 0 else { return false }
            guard descriptor.revents != 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(master, &buffer, buffer.count)
            guard count > 0 else { return transcript.dropFirst(offset).contains(text) }
            transcript += String(decoding: buffer[..<count], as: UTF8.self)
        }
        return false
    }

    /// Types `keys` and Enter, then waits for `expected` in the output and for the next fresh
    /// prompt (written after a line break, once the editor is back in raw mode: keys typed
    /// earlier would meet the terminal's own line editing).
    @discardableResult
    func enter(_ keys: String, expecting expected: String) -> Bool {
        let mark = transcript.count
        type(keys + "\r")
        // (Foundation's contains("") is false, so an empty expectation is not waited for.)
        return (expected.isEmpty || waitFor(expected, after: mark)) && waitFor("\nimpact> ", after: mark)
    }

    /// Waits for the program to end, reading its output meanwhile (a full terminal buffer would
    /// block it); ends it and returns `false` after `timeout` seconds.
    func waitForExit(timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { waitFor("\u{0}", timeout: 0.2) }
        guard !process.isRunning else {
            process.terminate()
            return false
        }
        waitFor("\u{0}", timeout: 0.2)
        return true
    }
}

@Suite("impact repl on a terminal", .serialized)
struct ReplTerminalTests {
    @Test("typed commands run; Tab completes a column; arrows edit; history persists; quit ends")
    func interactiveSession() throws {
        let home = try temporaryDirectory()
        let terminal = try PseudoTerminalSession(["repl", "datasets/sales-training/sales_training.csv"], home: home)
        #expect(terminal.waitFor("\nimpact> "))
        #expect(terminal.transcript.contains("14400 rows × 12 columns"))

        // Tab completes the column name (one candidate) and adds a space.
        var mark = terminal.transcript.count
        terminal.type("summarize tenure_mo\t")
        #expect(terminal.waitFor("summarize tenure_months ", after: mark))
        #expect(terminal.enter("", expecting: "tenure_months  14400"))

        // Tab on a shared prefix lists the candidates; Ctrl-U then clears the line.
        mark = terminal.transcript.count
        terminal.type("tabulate t\t")
        #expect(terminal.waitFor("team_id  tenure_months  trained  trained_team  training_month", after: mark))
        #expect(terminal.enter("\u{15}", expecting: ""))

        // Home inserts at the start, End returns, backspace deletes: "ead 23" → "head 2".
        #expect(terminal.enter("ead 23\u{1B}[H" + "h" + "\u{1B}[F\u{7F}", expecting: "(first 2 of 14400 rows)"))

        // Left arrow then insert: "tabulate rgion" → "tabulate region".
        mark = terminal.transcript.count
        #expect(terminal.enter("tabulate rgion" + String(repeating: "\u{1B}[D", count: 4) + "e", expecting: "(total 14400)"))
        #expect(terminal.transcript.dropFirst(mark).contains("North"))

        // Unknown commands suggest the closest one and the session goes on.
        #expect(terminal.enter("regres", expecting: "Did you mean 'regress'?"))

        // Up arrow twice recalls "tabulate region" (before "regres").
        #expect(terminal.enter("\u{1B}[A\u{1B}[A", expecting: "(total 14400)"))

        terminal.type("quit\r")
        #expect(terminal.waitForExit())
        #expect(terminal.process.terminationStatus == 0)
        let history = try String(contentsOf: home.appendingPathComponent(".impact_history"), encoding: .utf8)
        #expect(history.split(separator: "\n").contains("summarize tenure_months"))
        #expect(history.split(separator: "\n").last == "quit")
    }

    @Test("history from an earlier session is recalled with the up arrow; Ctrl-D ends the session")
    func historyPersists() throws {
        let home = try temporaryDirectory()
        try "use datasets/sales-training/sales_training.csv\n".write(
            to: home.appendingPathComponent(".impact_history"), atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminalSession(["repl"], home: home)
        #expect(terminal.waitFor("\nimpact> "))
        #expect(terminal.enter("\u{1B}[A", expecting: "14400 rows × 12 columns"))
        terminal.type("\u{4}")  // Ctrl-D on an empty line ends the session
        #expect(terminal.waitForExit())
        #expect(terminal.process.terminationStatus == 0)
    }

    @Test("bootstrap then roi on a terminal: progress shown and cleared, Tab completes the coefficient, report writes")
    func bootstrapThenROI() throws {
        let home = try temporaryDirectory()
        let costs = home.appendingPathComponent("costs.csv")
        try "item,category,amount,hours,rate\nFees,direct,12000,,\nTime,indirect,,80,50\n"
            .write(to: costs, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminalSession(["repl", "datasets/sales-training/sales_training.csv"], home: home)
        #expect(terminal.waitFor("\nimpact> "))
        var mark = terminal.transcript.count
        #expect(
            terminal.enter(
                "bootstrap, reps(19) seed(7) cluster(team_id): regress sales ~ trained_team * post",
                expecting: "Replicates: 19 requested, 19 used, 0 failed"))
        let bootstrap = terminal.transcript.dropFirst(mark)
        #expect(bootstrap.contains("bootstrap 19/20") && bootstrap.contains("\r\u{1B}[K"))
        #expect(bootstrap.contains("Scheme: cluster bootstrap (team_id, G = 30); seed 7"))

        mark = terminal.transcript.count
        terminal.type("roi trained_team:p\t")
        #expect(terminal.waitFor("roi trained_team:post ", after: mark))
        #expect(
            terminal.enter(
                ", value(0.30) population(300) costs(\(costs.path)) hurdle(25)", expecting: "P(ROI > 25.0 %) = "))
        #expect(terminal.transcript.dropFirst(mark).contains("Costs: 16,000 from \(costs.path) (2 items"))

        let report = home.appendingPathComponent("session.html")
        #expect(terminal.enter("report \(report.path)", expecting: "Report written to \(report.path) (3 commands)"))
        terminal.type("quit\r")
        #expect(terminal.waitForExit())
        let html = try String(contentsOf: report, encoding: .utf8)
        #expect(html.contains("ROI of trained_team:post") && html.contains("Seeds: 7"))
    }

    @Test("a script run on a terminal shows progress on standard error and clears it")
    func scriptProgressOnTerminal() throws {
        let folder = try temporaryDirectory()
        let script = folder.appendingPathComponent("progress.impact")
        try "use datasets/sales-training/sales_training.csv\ntabulate region\n"
            .write(to: script, atomically: true, encoding: .utf8)
        let terminal = try PseudoTerminalSession(["run", script.path], home: folder)
        #expect(terminal.waitFor("(total 14400)"))
        #expect(terminal.waitForExit())
        #expect(terminal.process.terminationStatus == 0)
        #expect(terminal.transcript.contains("[1/2] use datasets/sales-training/sales_training.csv"))
        #expect(terminal.transcript.contains("[2/2] tabulate region"))
        #expect(terminal.transcript.contains("\r\u{1B}[K"))
    }
}
