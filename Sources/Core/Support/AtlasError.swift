// AtlasError: the one error type for bad data and bad configuration, printed as
// `path:line:column: message` followed by `hint:` so that a user can go straight to the problem.

/// An error in user-supplied input (a corpus file, a lexicon, a configuration, a checkpoint).
///
/// Programmer errors (shape mismatches and the like) are preconditions, not `AtlasError`s.
public struct AtlasError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or other source name) the problem is in, as the user would type it.
    public var source: String
    /// 1-based line, when the problem is at a line.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// What is wrong, in one sentence.
    public var message: String
    /// What to do about it, when there is something to do.
    public var hint: String?
    /// A short excerpt of the offending input, when there is one.
    public var excerpt: String?
    /// The pipeline step that was running, filled in by the step runner.
    public var step: String?

    public init(source: String, line: Int? = nil, column: Int? = nil, message: String,
                hint: String? = nil, excerpt: String? = nil, step: String? = nil) {
        self.source = source
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint
        self.excerpt = excerpt
        self.step = step
    }

    public var description: String {
        var location = source
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        var text = (step.map { "[\($0)] " } ?? "") + "\(location): \(message)"
        if let excerpt { text += "\n  | \(excerpt)" }
        if let hint { text += "\nhint: \(hint)" }
        return text
    }

    /// Shortens `text` to at most `limit` characters for an excerpt.
    public static func excerpt(of text: Substring, limit: Int = 80) -> String {
        text.count <= limit ? String(text) : String(text.prefix(limit)) + "…"
    }
}
