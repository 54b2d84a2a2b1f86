// SSTTree: the Stanford Sentiment Treebank's PTB-style trees, where every node carries a label 0–4.
//
// Reference: Socher et al. 2013, "Recursive Deep Models for Semantic Compositionality Over a
// Sentiment Treebank" (EMNLP). Labels: 0 very negative, 1 negative, 2 neutral, 3 positive, 4 very positive.

/// One node of an SST tree: a phrase label with either children or a single leaf word.
public struct SSTNode: Equatable, Codable, Sendable {
    /// 0 (very negative) … 4 (very positive).
    public var label: Int
    /// The leaf word with PTB escapes undone (`-LRB-` → `(`), or nil for an inner node.
    public var word: String?
    /// The children of an inner node, left to right; empty for a leaf.
    public var children: [SSTNode]

    public init(label: Int, word: String) {
        self.label = label
        self.word = word
        self.children = []
    }

    public init(label: Int, children: [SSTNode]) {
        self.label = label
        self.word = nil
        self.children = children
    }

    public var isLeaf: Bool { word != nil }

    /// The leaf words, left to right.
    public var leaves: [String] {
        var words: [String] = []
        collectLeaves(into: &words)
        return words
    }

    private func collectLeaves(into words: inout [String]) {
        if let word { words.append(word) }
        for child in children { child.collectLeaves(into: &words) }
    }

    /// Every node in pre-order (the root first), with the half-open range of leaves it spans.
    public func spans() -> [(node: SSTNode, tokenRange: Range<Int>)] {
        var result: [(node: SSTNode, tokenRange: Range<Int>)] = []
        var next = 0
        collectSpans(into: &result, next: &next)
        return result
    }

    @discardableResult
    private func collectSpans(into result: inout [(node: SSTNode, tokenRange: Range<Int>)],
                              next: inout Int) -> Range<Int> {
        let index = result.count
        let start = next
        result.append((self, start..<start))
        if word != nil { next += 1 }
        for child in children { child.collectSpans(into: &result, next: &next) }
        result[index].tokenRange = start..<next
        return start..<next
    }
}

/// A labelled phrase of a sentence: the leaves `tokenRange` of its tree.
public struct SSTPhrase: Equatable, Codable, Sendable {
    public var tokenRange: Range<Int>
    public var label: Int

    public init(tokenRange: Range<Int>, label: Int) {
        self.tokenRange = tokenRange
        self.label = label
    }
}

/// One SST sentence: its root label, its tokens and every labelled phrase (pre-order, root first,
/// leaves included).
public struct SSTSentence: Equatable, Codable, Sendable {
    public var label: Int
    public var tokens: [String]
    public var phrases: [SSTPhrase]
    public var root: SSTNode

    public init(root: SSTNode) {
        let spans = root.spans()
        self.label = root.label
        self.tokens = root.leaves
        self.phrases = spans.map { SSTPhrase(tokenRange: $0.tokenRange, label: $0.node.label) }
        self.root = root
    }

    /// The tokens of `phrase`.
    public func tokens(of phrase: SSTPhrase) -> ArraySlice<String> { tokens[phrase.tokenRange] }
}
