import Workbench

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads one line from a terminal with editing: left/right, Home/End (also Ctrl-A/Ctrl-E),
/// backspace and Delete, Ctrl-K and Ctrl-U, up/down through history, Tab completion, Ctrl-C to
/// discard the line and Ctrl-D on an empty line to end input. The keys are those of readline's
/// emacs mode; escape sequences are the VT100/xterm ones (`ESC [ A` …, `ESC [ 3 ~`, `ESC O H`).
struct LineEditor {
    /// A decoded key press.
    enum Key: Equatable {
        case text(String)
        case enter, backspace, delete, left, right, home, end, up, down, tab
        case interrupt, endOfInput, killToEnd, clearLine, ignored
    }

    private let input: Int32 = STDIN_FILENO
    private let output: Int32 = STDOUT_FILENO
    /// The persistent history.
    var history: LineEditorHistory

    init(history: LineEditorHistory) {
        self.history = history
    }

    /// Reads a line after `prompt`; `nil` at end of input. `completions(textBeforeCursor)` gives
    /// the partial word and its candidates for Tab.
    mutating func readLine(prompt: String, completions: (String) -> SessionCompletion) -> String? {
        guard let raw = TerminalRawMode(descriptor: input) else { return Swift.readLine() }
        defer { raw.restore() }
        fflush(nil)  // earlier print() output must appear before the prompt
        var state = LineEditorState(history: history.entries)
        write(prompt)
        while true {
            guard let key = readKey() else {
                write("\r\n")
                return nil
            }
            switch key {
            case .text(let text): state.insert(text)
            case .enter:
                write("\r\n")
                history.add(state.text)
                return state.text
            case .backspace: state.backspace()
            case .delete: state.deleteForward()
            case .left: state.moveLeft()
            case .right: state.moveRight()
            case .home: state.moveHome()
            case .end: state.moveEnd()
            case .up: state.previous()
            case .down: state.next()
            case .killToEnd: state.killToEnd()
            case .clearLine: state.clear()
            case .interrupt:
                write("^C\r\n")
                state.clear()
            case .endOfInput:
                if state.text.isEmpty {
                    write("\r\n")
                    return nil
                }
                state.deleteForward()
            case .tab:
                let completion = completions(state.textBeforeCursor)
                let listed = state.complete(partial: completion.word, candidates: completion.candidates)
                if !listed.isEmpty { write("\r\n" + listed.joined(separator: "  ") + "\r\n") }
            case .ignored: break
            }
            redraw(prompt: prompt, state: state)
        }
    }

    /// Redraws the line: carriage return, prompt, text, clear to the end, cursor back in place.
    private func redraw(prompt: String, state: LineEditorState) {
        var text = "\r" + prompt + state.text + "\u{1B}[K"
        let behind = state.text.count - state.textBeforeCursor.count
        if behind > 0 { text += "\u{1B}[\(behind)D" }
        write(text)
    }

    /// The next key, or `nil` at end of input.
    private func readKey() -> Key? {
        guard let byte = readByte() else { return nil }
        switch byte {
        case 1: return .home
        case 3: return .interrupt
        case 4: return .endOfInput
        case 5: return .end
        case 9: return .tab
        case 10, 13: return .enter
        case 11: return .killToEnd
        case 21: return .clearLine
        case 8, 127: return .backspace
        case 27: return readEscape()
        case 0..<32: return .ignored
        default: return readCharacter(first: byte)
        }
    }

    /// Decodes `ESC [ …` and `ESC O …` sequences.
    private func readEscape() -> Key {
        guard let introducer = readByte(), introducer == UInt8(ascii: "[") || introducer == UInt8(ascii: "O") else {
            return .ignored
        }
        var parameters = ""
        while let byte = readByte() {
            // Parameter bytes are digits and ';'; the final byte ends the sequence.
            if (0x30...0x3F).contains(byte) {
                parameters.append(Character(UnicodeScalar(byte)))
                continue
            }
            switch (UnicodeScalar(byte), parameters) {
            case ("A", _): return .up
            case ("B", _): return .down
            case ("C", _): return .right
            case ("D", _): return .left
            case ("H", _): return .home
            case ("F", _): return .end
            case ("~", "1"), ("~", "7"): return .home
            case ("~", "4"), ("~", "8"): return .end
            case ("~", "3"): return .delete
            default: return .ignored
            }
        }
        return .ignored
    }

    /// One UTF-8 encoded character starting with `first`.
    private func readCharacter(first: UInt8) -> Key {
        let length = first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        var bytes = [first]
        while bytes.count < length, let next = readByte() { bytes.append(next) }
        return .text(String(decoding: bytes, as: UTF8.self))
    }

    private func readByte() -> UInt8? {
        var byte: UInt8 = 0
        while true {
            let count = read(input, &byte, 1)
            if count == 1 { return byte }
            if count < 0 && errno == EINTR { continue }
            return nil
        }
    }

    private func write(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { systemWrite(output, $0.baseAddress! + offset, $0.count - offset) }
            if written <= 0 { return }
            offset += written
        }
    }
}

/// `write(2)` under its platform module's name (the editor has its own `write`).
private func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(descriptor, bytes, count)
    #else
        return Darwin.write(descriptor, bytes, count)
    #endif
}
