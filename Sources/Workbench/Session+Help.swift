import DataFrameModule

extension Session {
    /// `help` lists every command with its usage and summary; `help NAME` prints one command's help.
    func help(_ rest: String) throws -> String {
        let all = commands
        guard !rest.isEmpty else {
            let width = all.map(\.name.count).max() ?? 0
            let lines = all.map { command in
                "  " + command.name + String(repeating: " ", count: width - command.name.count) + "  " + command.summary
            }
            return "Commands:\n" + lines.joined(separator: "\n")
                + "\n\nType 'help COMMAND' for details. Lines starting with # are comments."
        }
        let name = Session.aliases[rest] ?? rest
        guard let command = all.first(where: { $0.name == name }) else {
            throw SessionError.unknownCommand(name: rest, suggestion: closestName(to: rest, among: commandNames))
        }
        return command.help
    }
}
