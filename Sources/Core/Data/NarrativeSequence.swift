// NarrativeSequence: an ordered list of windows (sentences, or seconds of speech) each with its valence.

/// One time step of a narrative: the words of a sentence or of a few seconds of speech, and its rating.
public struct NarrativeWindow: Equatable, Codable, Sendable {
    /// A stable id: the EmoBank sentence id, or `video@start` for SEND-format windows.
    public var id: String
    public var tokens: [String]
    /// The gold valence; nil when no rating fell into the window (the window is predicted but not scored).
    public var valence: Double?
    /// Start and end in the narrative: character offsets (EmoBank) or seconds (SEND).
    public var start: Double
    public var end: Double

    public init(id: String, tokens: [String], valence: Double?, start: Double, end: Double) {
        self.id = id
        self.tokens = tokens
        self.valence = valence
        self.start = start
        self.end = end
    }
}

/// A narrative (an EmoBank document, or one SEND video), or one consecutive chunk of a longer one.
public struct NarrativeSequence: Equatable, Codable, Sendable {
    /// The document or video; chunks of one narrative share it.
    public var narrative: String
    /// 0 for the first (or only) chunk, then 1, 2, …
    public var part: Int
    /// True when the narrative was longer than the configured maximum and was cut into chunks.
    public var isChunked: Bool
    public var genre: String
    public var split: DataSplit
    public var windows: [NarrativeWindow]

    public init(narrative: String, part: Int = 0, isChunked: Bool = false, genre: String, split: DataSplit,
                windows: [NarrativeWindow]) {
        self.narrative = narrative
        self.part = part
        self.isChunked = isChunked
        self.genre = genre
        self.split = split
        self.windows = windows
    }

    /// `narrative`, or `narrative#part` for a chunk.
    public var id: String { isChunked ? "\(narrative)#\(part)" : narrative }

    /// Cuts `windows` into consecutive chunks of at most `maxWindows` (all flagged when there is more than one).
    public static func chunked(narrative: String, genre: String, split: DataSplit, windows: [NarrativeWindow],
                               maxWindows: Int) -> [NarrativeSequence] {
        precondition(maxWindows >= 1, "maxWindows must be at least 1, got \(maxWindows)")
        let starts = Array(stride(from: 0, to: windows.count, by: maxWindows))
        return starts.enumerated().map { part, start in
            NarrativeSequence(narrative: narrative, part: part, isChunked: starts.count > 1, genre: genre, split: split,
                              windows: Array(windows[start..<min(windows.count, start + maxWindows)]))
        }
    }
}
