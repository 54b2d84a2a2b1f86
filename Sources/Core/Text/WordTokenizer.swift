// WordTokenizer: a deterministic English tokeniser producing Penn-Treebank-like tokens, as in SST.
//
// Goals, in order: tokens that match SST's leaves (so one vocabulary serves SST and EmoBank),
// determinism, then simplicity. It follows the spirit of the Treebank tokenizer (NLTK's
// `TreebankWordTokenizer`), without regular expressions.

/// Penn-Treebank-like word tokeniser.
///
/// - punctuation `? ! ; @ # $ % & ( ) [ ] { } < >`, `--` and ellipses (`...`, `…`, also `..`)
///   are tokens (`...`);
///   a comma or colon is a token unless it sits between digits (`1,000`, `10:30`);
/// - `"` becomes ``` `` ``` when it opens (after the start, a space or a bracket, and before a
///   non-space) and `''` otherwise;
///   curly quotes likewise; `’` is read as `'`;
/// - clitics are split off: `n't` (`don't` → `do n't`, `can't` → `ca n't`), `'s 're 'll 've 'm 'd`;
///   `cannot` → `can not`;
/// - a final period is split off unless the word is an abbreviation (`Mr.`, `U.S.`, `e.g.`);
/// - hyphenated words and slashes stay whole (`well-made`, `writer/director`).
public struct WordTokenizer: Tokenizer {
    /// Words that keep their final period (compared lower-cased, without the period).
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "vs", "etc", "inc", "co", "ltd", "mt", "no",
        "prof", "gen", "gov", "sen", "rep", "rev", "capt", "col", "lt", "sgt", "bros", "corp", "jan",
        "feb", "aug", "sept", "oct", "nov", "dec", "al", "ca", "approx", "dept", "fig", "vol",
    ]
    static let clitics = ["n't", "'s", "'re", "'ll", "'ve", "'m", "'d"]
    static let alwaysSplit: Set<Character> = ["?", "!", ";", "@", "#", "$", "%", "&", "(", ")", "[", "]", "{", "}", "<", ">"]
    static let openers: Set<Character> = ["(", "[", "{", "<", "`"]

    public init() {}

    public func tokenize(_ text: String) -> [String] {
        spaced(text).split(whereSeparator: \.isWhitespace).flatMap { splitWord(String($0)) }
    }

    /// Pass 1: put spaces around punctuation that is always a token, and direct the double quotes.
    func spaced(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(chars.count + 16)
        var i = 0
        func isDigit(_ j: Int) -> Bool { j >= 0 && j < chars.count && chars[j].isNumber }
        func isDoubled(_ j: Int) -> Bool { j + 1 < chars.count && chars[j + 1] == chars[j] }
        while i < chars.count {
            let c = chars[i]
            let previous: Character? = i > 0 ? chars[i - 1] : nil
            switch c {
            case "\"", "“", "”":
                let next: Character? = i + 1 < chars.count ? chars[i + 1] : nil
                let afterBoundary = previous == nil || previous!.isWhitespace || Self.openers.contains(previous!)
                let opens = c == "“" || (c == "\"" && afterBoundary && next.map { !$0.isWhitespace } == true)
                out += opens ? " `` " : " '' "
            case "‘":
                out += " ` "
            case "’":
                out.append("'")
            case "…":
                out += " ... "
            case "." where isDoubled(i), "-" where isDoubled(i):
                // A run of two or more dots is an ellipsis, of two or more hyphens a dash.
                while i < chars.count && chars[i] == c { i += 1 }
                out += c == "." ? " ... " : " -- "
                continue
            case "—":
                out += " -- "
            case "–" where !(isDigit(i - 1) && isDigit(i + 1)):
                out += " -- "
            case ",", ":":
                out += isDigit(i - 1) && isDigit(i + 1) ? String(c) : " \(c) "
            default:
                out += Self.alwaysSplit.contains(c) ? " \(c) " : String(c)
            }
            i += 1
        }
        return out
    }

    /// Pass 2: one whitespace-free chunk → its tokens (quotes, final period, clitics).
    func splitWord(_ chunk: String) -> [String] {
        if chunk == "``" || chunk == "''" { return [chunk] }
        var word = Substring(chunk)
        var leading: [String] = [], trailing: [String] = []
        // A leading single quote opens a quotation unless it starts a known short form ('70s, 'em, 'til).
        while word.count > 1, word.first == "'" || word.first == "`" {
            let rest = word.dropFirst()
            if word.first == "'", rest.first?.isNumber == true || ["em", "til", "n", "cause", "tis"].contains(rest.lowercased())
                || Self.clitics.contains(word.lowercased()) { break }
            leading.append("`")
            word = rest
        }
        // Closing quotes come off first (they are outermost: 'yes.' → yes . '), then the period,
        // then quotes again (yes'.). A trailing single quote also marks a plural possessive (dogs').
        func dropClosingQuotes() {
            while word.count > 1, word.last == "'", !word.lowercased().hasSuffix("n'"), !word.hasSuffix("''") {
                trailing.insert("'", at: 0)
                word = word.dropLast()
            }
        }
        dropClosingQuotes()
        if word.count > 1, word.last == ".", !isAbbreviation(word.dropLast()) {
            trailing.insert(".", at: 0)
            word = word.dropLast()
            dropClosingQuotes()
        }
        return leading + splitClitics(word) + trailing
    }

    func isAbbreviation(_ word: Substring) -> Bool {
        let lower = word.lowercased()
        if Self.abbreviations.contains(lower) { return true }
        // Dotted forms (U.S, e.g, E.T) and capital initials (J), but not the pronoun "I".
        if lower.contains(".") { return lower.allSatisfy { $0.isLetter || $0 == "." } }
        return word.count == 1 && word != "I" && word.first!.isUppercase
    }

    func splitClitics(_ word: Substring) -> [String] {
        let lower = word.lowercased()
        if lower == "cannot" { return [String(word.prefix(3)), String(word.suffix(3))] }
        for clitic in Self.clitics where lower.count > clitic.count && lower.hasSuffix(clitic) {
            let stem = word.dropLast(clitic.count)
            return [String(stem), String(word.suffix(clitic.count))]
        }
        return [String(word)]
    }
}
