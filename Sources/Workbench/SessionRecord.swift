/// What a session remembers beyond its dataset: the last bootstrap estimate (which `roi` carries
/// to money), a transcript of the commands that succeeded (which `report` writes out), the
/// datasets and seeds used, and where bootstrap progress goes.
public struct SessionRecord: Sendable {
    /// One command that succeeded and what it printed.
    public struct Entry: Sendable, Equatable {
        /// The command as written.
        public let command: String
        /// Its reply text.
        public let reply: String
        /// The SVG the command wrote (a `plot`), to be shown inline in a report.
        public let svg: String?
    }

    /// The last `bootstrap` result: per coefficient the point estimate and every replicate.
    public internal(set) var lastEstimate: RegressionBootstrapResult?
    /// Commands that succeeded, in order (not `help`, `report` or `quit`).
    public internal(set) var transcript: [Entry] = []
    /// Every dataset file loaded, in order of first use.
    public internal(set) var datasets: [String] = []
    /// The seed of every bootstrap run, in order.
    public internal(set) var seeds: [UInt64] = []
    /// Called with (stage, done, total) while a bootstrap runs, from worker threads. Leave it nil
    /// (the default) when output is not a terminal, so scripts and pipes stay quiet.
    public var progress: (@Sendable (String, Int, Int) -> Void)?

    /// An empty record.
    public init() {}
}
