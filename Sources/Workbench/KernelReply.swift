/// What `impact kernel` answers to one cell: the outputs of the lines that ran and, when a line
/// failed, its message and line number.
///
/// Encoded as one JSON object per line:
/// `{"status":"ok","outputs":[{"text":…,"html":…,"svg":…}, …]}` or
/// `{"status":"error","outputs":[…],"error":"message","line":N}`. Absent rich forms are left out.
public struct KernelReply: Codable, Sendable, Equatable {
    /// Whether every line of the cell ran.
    public enum Status: String, Codable, Sendable {
        case ok, error
    }

    /// One line's output: its text and, when the command has them, an HTML table and an SVG plot.
    public struct Output: Codable, Sendable, Equatable {
        /// The text the terminal session would print.
        public var text: String
        /// An HTML table (`describe`, `head`, `summarize`, `tabulate`).
        public var html: String?
        /// An SVG plot (`plot`).
        public var svg: String?

        /// An output.
        public init(text: String, html: String? = nil, svg: String? = nil) {
            self.text = text
            self.html = html
            self.svg = svg
        }
    }

    /// `ok` when every line ran, `error` when one failed.
    public var status: Status
    /// The outputs of the lines that ran, in order; lines that print nothing are left out.
    public var outputs: [Output]
    /// The failing line's message, when `status` is `error`.
    public var error: String?
    /// The failing line's 1-based number within the cell (0 when the request itself was unreadable).
    public var line: Int?

    /// A reply.
    public init(status: Status, outputs: [Output], error: String? = nil, line: Int? = nil) {
        self.status = status
        self.outputs = outputs
        self.error = error
        self.line = line
    }
}
