// Lexicon+Parsing: readers for the four lexicon files (Warriner 2013, VADER, labMT 1.0, ANEW).

extension Lexicon {
    /// Warriner, Kuperman & Brysbaert 2013, "Norms of valence, arousal, and dominance for 13,915
    /// English lemmas" (`BRM-emot-submit.csv`): columns `,Word,V.Mean.Sum,V.SD.Sum,V.Rat.Sum,
    /// A.Mean.Sum,…,D.Rat.Sum,…`; scale 1–9, neutral 5.
    public static func parseWarriner(_ bytes: [UInt8], source: String) throws -> Lexicon {
        let records = try CSVParser.parse(try TextLines.decode(bytes, source: source), source: source)
        let header = try expectHeader(records.first, startingWith: ["", "Word", "V.Mean.Sum", "V.SD.Sum", "V.Rat.Sum",
                                                                    "A.Mean.Sum", "A.SD.Sum", "A.Rat.Sum",
                                                                    "D.Mean.Sum", "D.SD.Sum", "D.Rat.Sum"], source: source)
        var builder = LexiconBuilder()
        for record in records.dropFirst() {
            let row = LexiconRow(fields: record.fields, line: record.line, source: source)
            try row.expectFieldCount(header.count)
            var ratings: [EmotionDimension: Rating] = [:]
            for (offset, dimension) in [(2, EmotionDimension.valence), (5, .arousal), (8, .dominance)] {
                ratings[dimension] = Rating(mean: try row.number(offset, header[offset]),
                                            standardDeviation: try row.number(offset + 1, header[offset + 1]),
                                            count: try row.integer(offset + 2, header[offset + 2]))
            }
            builder.add(word: record.fields[1], ratings: ratings)
        }
        return builder.lexicon(name: "warriner", scale: RatingScale(lower: 1, upper: 9, neutral: 5),
                               dimensions: [.valence, .arousal, .dominance])
    }

    /// VADER (Hutto & Gilbert 2014) `vader_lexicon.txt`: tab-separated token, mean, SD and the ten
    /// raw ratings as `[a, b, …]`; CRLF line ends; scale −4…4, neutral 0; stored as `.valence`.
    public static func parseVADER(_ bytes: [UInt8], source: String) throws -> Lexicon {
        var builder = LexiconBuilder()
        for (index, line) in try TextLines.lines(bytes, source: source).enumerated() where !line.isEmpty {
            let row = LexiconRow(fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
                                 line: index + 1, source: source)
            try row.expectFieldCount(4)
            let raw = row.fields[3].trimmed("[]").split(separator: ",")
            guard raw.allSatisfy({ Int($0.trimmed(" ")) != nil }) else {
                throw row.error("non-numeric raw rating in '\(row.fields[3])'")
            }
            builder.add(word: row.fields[0], ratings: [.valence: Rating(
                mean: try row.number(1, "mean"), standardDeviation: try row.number(2, "standard deviation"),
                count: raw.count)])
        }
        return builder.lexicon(name: "vader", scale: RatingScale(lower: -4, upper: 4, neutral: 0), dimensions: [.valence])
    }

    /// labMT 1.0 (Dodds et al. 2011) `labMT1.txt`: a header line, then tab-separated word,
    /// happiness rank, happiness average, standard deviation and four corpus ranks (`--` when
    /// absent); scale 1–9, neutral 5; stored as `.valence`. Each word was rated by 50 people.
    public static func parseLabMT(_ bytes: [UInt8], source: String) throws -> Lexicon {
        let lines = try TextLines.lines(bytes, source: source)
        guard let header = lines.first, header.hasPrefix("word\trank\thapps\tstddev") else {
            throw AtlasError(source: source, line: 1, message: "unexpected header",
                             hint: "expected word, rank, happs, stddev, … separated by tabs",
                             excerpt: lines.first.map { AtlasError.excerpt(of: $0) })
        }
        let columns = header.split(separator: "\t").count
        var builder = LexiconBuilder()
        for (index, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let row = LexiconRow(fields: line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
                                 line: index + 1, source: source)
            try row.expectFieldCount(columns)
            builder.add(word: row.fields[0], ratings: [.valence: Rating(
                mean: try row.number(2, "happs"), standardDeviation: try row.number(3, "stddev"), count: 50)])
        }
        return builder.lexicon(name: "labmt", scale: RatingScale(lower: 1, upper: 9, neutral: 5), dimensions: [.valence])
    }

    /// ANEW (Bradley & Lang 1999) as shipped in labMTsimple (`ANEW/all.csv`): `Description,Word No.,
    /// Valence Mean,Valence SD,Arousal Mean,Arousal SD,Dominance Mean,Dominance SD,Word Frequency`;
    /// scale 1–9, neutral 5; no rating counts.
    public static func parseANEW(_ bytes: [UInt8], source: String) throws -> Lexicon {
        let records = try CSVParser.parse(try TextLines.decode(bytes, source: source), source: source)
        let header = try expectHeader(records.first, startingWith: ["Description", "Word No.", "Valence Mean", "Valence SD",
                                                                    "Arousal Mean", "Arousal SD", "Dominance Mean",
                                                                    "Dominance SD"], source: source)
        var builder = LexiconBuilder()
        for record in records.dropFirst() {
            let row = LexiconRow(fields: record.fields, line: record.line, source: source)
            try row.expectFieldCount(header.count)
            var ratings: [EmotionDimension: Rating] = [:]
            for (offset, dimension) in [(2, EmotionDimension.valence), (4, .arousal), (6, .dominance)] {
                ratings[dimension] = Rating(mean: try row.number(offset, header[offset]),
                                            standardDeviation: try row.number(offset + 1, header[offset + 1]))
            }
            builder.add(word: record.fields[0], ratings: ratings)
        }
        return builder.lexicon(name: "anew", scale: RatingScale(lower: 1, upper: 9, neutral: 5),
                               dimensions: [.valence, .arousal, .dominance])
    }

    private static func expectHeader(_ record: CSVRecord?, startingWith expected: [String], source: String) throws -> [String] {
        guard let record, record.fields.starts(with: expected) else {
            throw AtlasError(source: source, line: 1, message: "unexpected header",
                             hint: "expected columns " + expected.joined(separator: ","),
                             excerpt: record.map { AtlasError.excerpt(of: $0.fields.joined(separator: ",")[...]) })
        }
        return record.fields
    }
}

/// One data row of a lexicon file, with the checks every lexicon shares.
private struct LexiconRow {
    let fields: [String]
    let line: Int
    let source: String

    func error(_ message: String) -> AtlasError {
        AtlasError(source: source, line: line, message: message,
                   excerpt: AtlasError.excerpt(of: fields.joined(separator: " | ")[...]))
    }

    func expectFieldCount(_ expected: Int) throws {
        guard fields.count == expected else { throw error("expected \(expected) columns, found \(fields.count)") }
    }

    func number(_ index: Int, _ name: String) throws -> Double {
        guard let value = Double(fields[index].trimmed(" ")), value.isFinite else {
            throw error("non-numeric rating \(name) '\(fields[index])'")
        }
        return value
    }

    func integer(_ index: Int, _ name: String) throws -> Int {
        guard let value = Int(fields[index].trimmed(" ")) else {
            throw error("non-numeric rating count \(name) '\(fields[index])'")
        }
        return value
    }
}

/// Collects rows keyed by lower-cased word; a collision keeps the lower-case spelling in
/// `entries` (or the first row) and moves the other to `caseVariants`.
struct LexiconBuilder {
    var entries: [String: (spelling: String, ratings: [EmotionDimension: Rating])] = [:]
    var caseVariants: [String: [EmotionDimension: Rating]] = [:]

    mutating func add(word: String, ratings: [EmotionDimension: Rating]) {
        let key = word.lowercased()
        guard let existing = entries[key] else {
            entries[key] = (word, ratings)
            return
        }
        if word == key && existing.spelling != key {
            caseVariants[existing.spelling] = existing.ratings
            entries[key] = (word, ratings)
        } else {
            caseVariants[word] = ratings
        }
    }

    func lexicon(name: String, scale: RatingScale, dimensions: [EmotionDimension]) -> Lexicon {
        Lexicon(name: name, scale: scale, dimensions: dimensions, entries: entries.mapValues(\.ratings),
                caseVariants: caseVariants)
    }
}

private extension StringProtocol {
    /// Drops the characters of `set` from both ends.
    func trimmed(_ set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
