/// One entry of an `SVGPlot` legend: a name and a key drawn the way the mark it explains is drawn,
/// so that the legend reads in grey-scale print too (a dashed line stays dashed, a hollow point hollow).
public struct SVGLegendEntry: Sendable, Equatable {
    /// How the key of an entry is drawn.
    public enum Key: Sendable, Equatable {
        /// A filled square with the given fill opacity (a band or a bar).
        case swatch(opacity: Double)
        /// A short line, solid or dashed (a series or a reference line).
        case line(dashed: Bool)
        /// A point, filled or hollow.
        case point(hollow: Bool)
    }

    /// Text of the entry (escaped when drawn).
    public let name: String
    /// CSS colour of the key.
    public let color: String
    /// How the key is drawn.
    public let key: Key

    /// An entry from its parts.
    public init(name: String, color: String, key: Key) {
        self.name = name
        self.color = color
        self.key = key
    }
}
