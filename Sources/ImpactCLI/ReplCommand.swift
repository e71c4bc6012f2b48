import ArgumentParser
import Foundation
import Workbench

/// `impact repl [DATA]`: an interactive session of the command language (see `Session`).
///
/// On a terminal the line editor gives history (`~/.impact_history`), arrow-key editing and Tab
/// completion of commands and column names. When standard input is not a terminal, lines are read
/// plainly and no prompt is printed, so a session can be piped in (`impact repl < commands.txt`);
/// the exit status is then 1 if any command failed.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Interactive session: load, explore, filter and transform data, fit models (type 'help').",
        discussion: """
            Commands: use, describe, head, keep if, drop if, generate, replace, summarize,
            tabulate, save, plot, regress, did, eventstudy, compare, balance, refute,
            bootstrap, roi, report, run, help, quit.

            Example:
              impact repl datasets/sales-training/sales_training.csv
              impact> keep if tenure_months > 12
              impact> summarize sales by region
              impact> regress sales ~ trained_team * post, vcov(cluster:team_id)
              impact> bootstrap, reps(999) seed(1) cluster(team_id): regress sales ~ trained_team * post
              impact> report out/session.html
            """)

    @Argument(help: "A data file (CSV) to load at the start.")
    var data: String?

    func validate() throws {
        if let data { try validateInputFile(data, kind: "data file") }
    }

    func run() throws {
        var session = ReplCommandSet.session()
        session.record.progress = TerminalProgress.sessionHook
        defer { session.removeScratchFile() }
        let interactive = isatty(STDIN_FILENO) == 1
        var failed = false
        func show(_ work: () throws -> SessionReply) -> Bool {
            do {
                let reply = try work()
                print(reply.text, terminator: "")
                return reply.quits
            } catch {
                failed = true
                fflush(nil)
                printToStandardError("error: \(error)")
                return false
            }
        }
        if interactive { print("Impact Workbench repl: type 'help' for the commands, 'quit' to leave.") }
        if let data { _ = show { try session.useRecorded(path: data) } }
        var editor = LineEditor(history: LineEditorHistory(path: LineEditorHistory.defaultPath))
        while true {
            let line: String?
            if interactive {
                line = editor.readLine(prompt: "impact> ") { session.completions(for: $0) }
            } else {
                line = Swift.readLine()
            }
            guard let line else { break }
            if show({ try session.execute(line) }) { break }
        }
        if failed && !interactive { throw ExitCode(1) }
    }
}
