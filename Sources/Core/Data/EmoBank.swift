// EmoBank: sentences rated for valence, arousal and dominance (1–5), joined with their document and genre.
//
// Reference: Buechel & Hahn 2017, "EmoBank: Studying the Impact of Annotation Perspective and
// Representation Format on Dimensional Emotion Analysis" (EACL). Columns: `id,split,V,A,D,text`;
// `meta.tsv`: `id, document, category, subcategory`.

/// One EmoBank sentence with its mean reader ratings.
public struct EmoBankSentence: Equatable, Codable, Sendable {
    /// E.g. `A_defense_of_Michael_Moore_12_42`: the document, then the character offsets.
    public var id: String
    public var split: DataSplit
    /// Mean ratings on 1–5.
    public var valence: Double
    public var arousal: Double
    public var dominance: Double
    public var text: String
    /// `text` through `WordTokenizer`.
    public var tokens: [String]
    public var document: String
    /// `meta.tsv`'s category: fiction, letters, newspaper, blog, SemEval, essays, travel-guides.
    public var genre: String
    /// Character offsets of the sentence in its document, from the id's two trailing numbers;
    /// nil when the id has no offsets (SemEval headlines: `SemEval_17`).
    public var start: Int?
    public var end: Int?

    public init(id: String, split: DataSplit, valence: Double, arousal: Double, dominance: Double,
                text: String, tokens: [String], document: String, genre: String, start: Int?, end: Int?) {
        self.id = id
        self.split = split
        self.valence = valence
        self.arousal = arousal
        self.dominance = dominance
        self.text = text
        self.tokens = tokens
        self.document = document
        self.genre = genre
        self.start = start
        self.end = end
    }
}

/// Document and genre of one EmoBank id, from `meta.tsv`.
public struct EmoBankMeta: Equatable, Sendable {
    public var document: String
    public var genre: String
}

public enum EmoBankParser {
    static let ratingRange = 1.0...5.0

    /// Parses `emobank.csv` and joins it with `meta.tsv`.
    public static func parse(csv: [UInt8], csvSource: String, meta: [UInt8], metaSource: String,
                             tokenizer: WordTokenizer = WordTokenizer()) throws -> [EmoBankSentence] {
        let metaByID = try parseMeta(meta, source: metaSource)
        let records = try CSVParser.parse(try TextLines.decode(csv, source: csvSource), source: csvSource)
        guard let header = records.first else {
            throw AtlasError(source: csvSource, message: "empty file", hint: "expected the header id,split,V,A,D,text")
        }
        guard header.fields == ["id", "split", "V", "A", "D", "text"] else {
            throw AtlasError(source: csvSource, line: header.line, message: "unexpected header",
                             hint: "expected id,split,V,A,D,text",
                             excerpt: AtlasError.excerpt(of: header.fields.joined(separator: ",")[...]))
        }
        return try records.dropFirst().map { record in
            try sentence(record, source: csvSource, metaByID: metaByID, metaSource: metaSource, tokenizer: tokenizer)
        }
    }

    static func sentence(_ record: CSVRecord, source: String, metaByID: [String: EmoBankMeta], metaSource: String,
                         tokenizer: WordTokenizer) throws -> EmoBankSentence {
        let excerpt = AtlasError.excerpt(of: record.fields.joined(separator: ",")[...])
        func fail(_ message: String, hint: String? = nil) -> AtlasError {
            AtlasError(source: source, line: record.line, message: message, hint: hint, excerpt: excerpt)
        }
        guard record.fields.count == 6 else {
            throw fail("expected 6 fields (id,split,V,A,D,text), found \(record.fields.count)",
                       hint: "quote a text that contains commas or quotes")
        }
        let f = record.fields
        guard let split = DataSplit(rawValue: f[1]) else {
            throw fail("unknown split '\(f[1])'", hint: "use train, dev or test")
        }
        var ratings: [Double] = []
        for (name, text) in zip(["V", "A", "D"], f[2...4]) {
            guard let value = Double(text) else { throw fail("non-numeric rating \(name) '\(text)'") }
            guard ratingRange.contains(value) else { throw fail("rating \(name) = \(text) outside 1–5") }
            ratings.append(value)
        }
        guard let meta = metaByID[f[0]] else {
            throw fail("id '\(f[0])' is missing from \(metaSource)", hint: "use the meta.tsv that belongs to this emobank.csv")
        }
        let (start, end) = offsets(id: f[0], document: meta.document)
        return EmoBankSentence(id: f[0], split: split, valence: ratings[0], arousal: ratings[1], dominance: ratings[2],
                               text: f[5], tokens: tokenizer.tokenize(f[5]), document: meta.document,
                               genre: meta.genre, start: start, end: end)
    }

    /// The two trailing numbers of `document_START_END`, or nil when absent.
    public static func offsets(id: String, document: String) -> (start: Int?, end: Int?) {
        guard id.hasPrefix(document + "_") else { return (nil, nil) }
        let numbers = id.dropFirst(document.count + 1).split(separator: "_", omittingEmptySubsequences: false)
        guard numbers.count == 2, let start = Int(numbers[0]), let end = Int(numbers[1]) else { return (nil, nil) }
        return (start, end)
    }

    /// Parses `meta.tsv`: header `id document category subcategory`, tab-separated.
    public static func parseMeta(_ bytes: [UInt8], source: String) throws -> [String: EmoBankMeta] {
        let lines = try TextLines.lines(bytes, source: source)
        guard let header = lines.first, header.split(separator: "\t").prefix(3) == ["id", "document", "category"] else {
            throw AtlasError(source: source, line: 1, message: "unexpected header",
                             hint: "expected id, document, category, subcategory separated by tabs",
                             excerpt: lines.first.map { AtlasError.excerpt(of: $0) })
        }
        var result: [String: EmoBankMeta] = [:]
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3 else {
                throw AtlasError(source: source, line: index + 1,
                                 message: "expected at least 3 tab-separated fields, found \(fields.count)",
                                 excerpt: AtlasError.excerpt(of: line))
            }
            result[String(fields[0])] = EmoBankMeta(document: String(fields[1]), genre: String(fields[2]))
        }
        return result
    }
}
