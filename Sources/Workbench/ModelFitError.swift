/// A formula of a multi-model comparison that does not parse or fit, with the model it belongs to.
public struct ModelFitError: Error, Sendable, CustomStringConvertible {
    /// The model's column number, from 1.
    public let model: Int
    /// The model's column title, if one was given.
    public let title: String?
    /// The formula as written.
    public let formula: String
    /// The parser's or estimator's error, which says what is wrong and what to do.
    public let underlying: any Error

    /// `Model (2) 'sales ~ x': <the underlying message>`.
    public var description: String {
        let name = title.map { "Model (\(model)) \"\($0)\"" } ?? "Model (\(model))"
        return "\(name) '\(formula)': \(underlying)"
    }
}
