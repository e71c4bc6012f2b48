import ArgumentParser
import DataFrameModule
import Workbench

/// The session commands that the CLI supplies: its own estimation commands, parsed by the same
/// ArgumentParser types as on the command line, so `regress`, `did`, `eventstudy`, `compare`,
/// `balance` and `refute` accept the same options (with the same help and errors) in the REPL and in scripts.
enum ReplCommandSet {
    /// A session with the CLI's estimation commands.
    static func session() -> Session {
        Session(commands: [
            external(
                RegressCommand.self, leadingFormula: true,
                usage: "regress FORMULA [, vcov(TYPE) weights(COL) level(P)] | regress --formula F [OPTIONS]"),
            external(DiDCommand.self, usage: "did [DATA] --outcome Y --unit ID --time T --cohort G [OPTIONS]"),
            external(
                EventStudyCommand.self,
                usage: "eventstudy [DATA] --outcome Y --unit ID --time T --cohort G --leads L --lags F [OPTIONS]"),
            external(CompareCommand.self, usage: "compare [DATA] --outcome Y --treatment D [OPTIONS]"),
            external(BalanceCommand.self, usage: "balance [DATA] --treatment D --covariates X1,X2 [OPTIONS]"),
            external(RefuteCommand.self, usage: "refute [DATA] --outcome Y --unit ID --time T --cohort G [OPTIONS]"),
        ])
    }

    /// A session command that parses its words with `Command` and runs it.
    ///
    /// `Command.parse` validates as on the command line (ArgumentParser suggests near-miss option
    /// names); `--help` returns the command's help. What the command prints becomes the reply's text.
    private static func external<Command: ParsableCommand>(
        _ type: Command.Type, leadingFormula: Bool = false, usage: String
    ) -> SessionExternalCommand {
        let name = Command.configuration.commandName ?? "\(type)"
        let description = SessionCommand(
            name: name, usage: usage, summary: Command.configuration.abstract,
            details: "DATA defaults to the session's dataset.\n\n" + Command.helpMessage())
        let options = optionNames(in: Command.helpMessage())
        return SessionExternalCommand(command: description, takesLeadingFormula: leadingFormula) { words in
            // ArgumentParser reports a missing required option before an unknown one, so a typo
            // in a required option (--formla) would read "Missing --formula"; name the typo first.
            for word in words where word.hasPrefix("--") {
                let option = String(word.prefix { $0 != "=" })
                guard !options.contains(option) else { continue }
                let hint = closestName(to: option, among: Array(options)).map { " Did you mean '\($0)'?" } ?? ""
                throw SessionError.commandFailed(
                    command: name, message: "Unknown option '\(option)'.\(hint) Type 'help \(name)' for its options.")
            }
            do {
                var command = try Command.parse(words)
                TerminalProgress.clear()
                // The reply carries the printed text, so reports and transcripts keep it.
                return try StandardOutputCapture.capture { try command.run() }
            } catch {
                if Command.exitCode(for: error) == .success { return Command.fullMessage(for: error) }
                throw SessionError.commandFailed(command: name, message: Command.message(for: error))
            }
        }
    }

    /// The long option names (`--formula`, …) that a command's help mentions, plus `--help`.
    static func optionNames(in help: String) -> Set<String> {
        let words = help.split { !($0.isLetter || $0.isNumber || $0 == "-") }
        return Set(words.filter { $0.hasPrefix("--") && $0.count > 2 }.map(String.init) + ["--help"])
    }
}
