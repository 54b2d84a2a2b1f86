// SSTParser: reads SST's PTB-style tree files (one tree per line) into `SSTSentence` values.

/// Parser for SST tree files such as `trainDevTestTrees_PTB/trees/train.txt`.
///
/// Grammar of one line: `node := "(" label ( word | node+ ) ")"`, label a digit 0–4, words
/// separated by ASCII spaces only (a leaf may contain a no-break space, e.g. "8 1/2").
public enum SSTParser {
    /// PTB bracket escapes, undone in leaf words.
    static let bracketEscapes: [String: String] = [
        "-LRB-": "(", "-RRB-": ")", "-LSB-": "[", "-RSB-": "]", "-LCB-": "{", "-RCB-": "}",
    ]

    /// Parses a whole file: one tree per non-empty line. An empty line in the middle is an error.
    public static func parse(_ bytes: [UInt8], source: String) throws -> [SSTSentence] {
        let lines = try TextLines.lines(bytes, source: source)
        return try lines.enumerated().map { index, line in
            SSTSentence(root: try parseTree(line, source: source, line: index + 1))
        }
    }

    /// Parses one tree.
    public static func parseTree(_ text: Substring, source: String, line: Int) throws -> SSTNode {
        var reader = TreeReader(text: text, source: source, line: line)
        return try reader.readTree()
    }

    /// Undoes PTB escapes in a leaf word: whole-token brackets, `\/` → `/`, `\*` → `*`.
    public static func unescape(_ word: Substring) -> String {
        if let bracket = bracketEscapes[String(word)] { return bracket }
        guard word.contains("\\") else { return String(word) }
        return String(word.replacing("\\/", with: "/").replacing("\\*", with: "*"))
    }
}

/// A cursor over one line's tokens: "(", ")" and atoms, each with its 1-based column.
private struct TreeReader {
    enum Token: Equatable { case open, close, atom(Substring), end }

    let text: Substring
    let source: String
    let line: Int
    var position: Substring.Index

    init(text: Substring, source: String, line: Int) {
        self.text = text
        self.source = source
        self.line = line
        self.position = text.startIndex
    }

    /// 1-based column (in characters) of `index`.
    func column(of index: Substring.Index) -> Int { text.distance(from: text.startIndex, to: index) + 1 }

    func error(_ message: String, at index: Substring.Index) -> AtlasError {
        AtlasError(source: source, line: line, column: column(of: index), message: message,
                   hint: "each line must be one tree: (label word) or (label child child …), labels 0–4",
                   excerpt: AtlasError.excerpt(of: text))
    }

    mutating func skipSpaces() {
        while position < text.endIndex, text[position] == " " || text[position] == "\t" {
            position = text.index(after: position)
        }
    }

    /// Returns the next token and its start without consuming it.
    mutating func peek() -> (Token, Substring.Index) {
        skipSpaces()
        guard position < text.endIndex else { return (.end, position) }
        switch text[position] {
        case "(": return (.open, position)
        case ")": return (.close, position)
        default:
            var end = position
            while end < text.endIndex, !" \t()".contains(text[end]) { end = text.index(after: end) }
            return (.atom(text[position..<end]), position)
        }
    }

    mutating func consume(_ token: Token) {
        switch token {
        case .open, .close: position = text.index(after: position)
        case .atom(let atom): position = atom.endIndex
        case .end: break
        }
    }

    mutating func readTree() throws -> SSTNode {
        let (first, start) = peek()
        if first == .end { throw error("empty tree", at: start) }
        let root = try readNode()
        let (rest, at) = peek()
        switch rest {
        case .end: return root
        case .close: throw error("unbalanced parentheses: unexpected ')'", at: at)
        default: throw error("unexpected text after the tree's closing ')'", at: at)
        }
    }

    mutating func readNode() throws -> SSTNode {
        let (open, openAt) = peek()
        guard open == .open else { throw error("expected '('", at: openAt) }
        consume(open)
        let (labelToken, labelAt) = peek()
        guard case .atom(let labelText) = labelToken else {
            throw error("expected a label 0–4 after '('", at: labelAt)
        }
        guard let label = Int(labelText), (0...4).contains(label) else {
            throw error("label '\(labelText)' out of range 0–4", at: labelAt)
        }
        consume(labelToken)
        let (next, nextAt) = peek()
        switch next {
        case .atom(let word):
            consume(next)
            try readClose(after: "the leaf word")
            return SSTNode(label: label, word: SSTParser.unescape(word))
        case .open:
            var children: [SSTNode] = []
            while case (.open, _) = peek() { children.append(try readNode()) }
            try readClose(after: "the children")
            return SSTNode(label: label, children: children)
        case .close:
            throw error("empty tree: node has neither a word nor children", at: nextAt)
        case .end:
            throw error("unbalanced parentheses: the line ends inside a node", at: nextAt)
        }
    }

    mutating func readClose(after what: String) throws {
        let (token, at) = peek()
        switch token {
        case .close: consume(token)
        case .end: throw error("unbalanced parentheses: missing ')' after \(what)", at: at)
        default: throw error("expected ')' after \(what)", at: at)
        }
    }
}
