// LexiconParsingTests: the four lexicon readers on fixtures, case variants, and malformed rows.
import Testing
@testable import Core

@Suite struct LexiconParsingTests {
    @Test func warrinerKeepsLowerCaseSpellingAndCountsRows() throws {
        let lexicon = try Lexicon.parseWarriner(try CorpusFiles.fixture("warriner-small.csv"), source: "w.csv")
        #expect(lexicon.name == "warriner")
        #expect(lexicon.scale == RatingScale(lower: 1, upper: 9, neutral: 5))
        #expect(lexicon.dimensions == [.valence, .arousal, .dominance])
        #expect(lexicon.count == 2 && lexicon.rowCount == 3)
        #expect(lexicon.entries["aardvark"] == [.valence: Rating(mean: 6.26, standardDeviation: 2.21, count: 19),
                                                .arousal: Rating(mean: 2.41, standardDeviation: 1.4, count: 22),
                                                .dominance: Rating(mean: 4.27, standardDeviation: 1.75, count: 15)])
        #expect(lexicon.rating(of: "AIDS", on: .valence)?.mean == 3.52)
        #expect(lexicon.caseVariants["AIDS"]?[.valence]?.mean == 1.33)
    }

    @Test func vaderReadsCRLFAndRawRatings() throws {
        let lexicon = try Lexicon.parseVADER(try CorpusFiles.fixture("vader-small.txt"), source: "v.txt")
        #expect(lexicon.scale == RatingScale(lower: -4, upper: 4, neutral: 0))
        #expect(lexicon.count == 3 && lexicon.rowCount == 4)
        #expect(lexicon.entries["adorable"] == [.valence: Rating(mean: 2.2, standardDeviation: 0.6, count: 10)])
        #expect(lexicon.rating(of: "$:", on: .valence)?.mean == -1.5)
        #expect(lexicon.rating(of: "d:", on: .valence)?.mean == 1.2)
    }

    @Test func labMTSkipsHeaderAndIgnoresMissingRanks() throws {
        let lexicon = try Lexicon.parseLabMT(try CorpusFiles.fixture("labmt-small.txt"), source: "l.txt")
        #expect(lexicon.count == 2)
        #expect(lexicon.entries["terrorist"] == [.valence: Rating(mean: 1.30, standardDeviation: 0.9091, count: 50)])
    }

    @Test func anewReadsThreeDimensions() throws {
        let lexicon = try Lexicon.parseANEW(try CorpusFiles.fixture("anew-small.csv"), source: "a.csv")
        #expect(lexicon.count == 2)
        #expect(lexicon.entries["gripe"] == [.valence: Rating(mean: 3.14, standardDeviation: 1.56),
                                             .arousal: Rating(mean: 5.00, standardDeviation: 2.19),
                                             .dominance: Rating(mean: 4.67, standardDeviation: 1.79)])
    }

    static let warrinerHeader = ",Word,V.Mean.Sum,V.SD.Sum,V.Rat.Sum,A.Mean.Sum,A.SD.Sum,A.Rat.Sum,D.Mean.Sum,D.SD.Sum,D.Rat.Sum\n"

    @Test func warrinerRejectsNonNumericRating() {
        let text = Self.warrinerHeader + "1,a,5,1,20,5,1,20,5,1,20\n2,b,5,x,20,5,1,20,5,1,20\n"
        #expect(throws: AtlasError(source: "w.csv", line: 3, message: "non-numeric rating V.SD.Sum 'x'",
                                   excerpt: "2 | b | 5 | x | 20 | 5 | 1 | 20 | 5 | 1 | 20")) {
            try Lexicon.parseWarriner(Array(text.utf8), source: "w.csv")
        }
    }

    @Test func warrinerRejectsWrongColumnCount() {
        let text = Self.warrinerHeader + "1,a,5,1,20,5,1,20,5,1\n"
        #expect(throws: AtlasError(source: "w.csv", line: 2, message: "expected 11 columns, found 10",
                                   excerpt: "1 | a | 5 | 1 | 20 | 5 | 1 | 20 | 5 | 1")) {
            try Lexicon.parseWarriner(Array(text.utf8), source: "w.csv")
        }
    }

    @Test func vaderRejectsBadRows() {
        #expect(throws: AtlasError(source: "v.txt", line: 2, message: "non-numeric rating mean 'good'",
                                   excerpt: "x | good | 1 | [1]")) {
            try Lexicon.parseVADER(Array("a\t1\t1\t[1]\r\nx\tgood\t1\t[1]\r\n".utf8), source: "v.txt")
        }
        #expect(throws: AtlasError(source: "v.txt", line: 1, message: "expected 4 columns, found 3", excerpt: "a | 1 | 1")) {
            try Lexicon.parseVADER(Array("a\t1\t1\r\n".utf8), source: "v.txt")
        }
        #expect(throws: AtlasError(source: "v.txt", line: 1, message: "non-numeric raw rating in '[1, z]'",
                                   excerpt: "a | 1 | 1 | [1, z]")) {
            try Lexicon.parseVADER(Array("a\t1\t1\t[1, z]\r\n".utf8), source: "v.txt")
        }
    }

    @Test func labMTRejectsBadRows() {
        let header = "word\trank\thapps\tstddev\n"
        #expect(throws: AtlasError(source: "l.txt", line: 2, message: "non-numeric rating happs '--'",
                                   excerpt: "w | 1 | -- | 1")) {
            try Lexicon.parseLabMT(Array((header + "w\t1\t--\t1\n").utf8), source: "l.txt")
        }
        #expect(throws: AtlasError(source: "l.txt", line: 1, message: "unexpected header",
                                   hint: "expected word, rank, happs, stddev, … separated by tabs", excerpt: "w\t1\t5\t1")) {
            try Lexicon.parseLabMT(Array("w\t1\t5\t1\n".utf8), source: "l.txt")
        }
    }

    @Test func anewRejectsNonNumeric() {
        let text = "Description,Word No.,Valence Mean,Valence SD,Arousal Mean,Arousal SD,Dominance Mean,Dominance SD,Word Frequency\ngrin,1,7,1,5,2,six,1,13\n"
        #expect(throws: AtlasError(source: "a.csv", line: 2, message: "non-numeric rating Dominance Mean 'six'",
                                   excerpt: "grin | 1 | 7 | 1 | 5 | 2 | six | 1 | 13")) {
            try Lexicon.parseANEW(Array(text.utf8), source: "a.csv")
        }
    }
}

/// A user's word/rating table: the scale's ends from the data, case variants kept, errors at the row.
@Suite struct UserLexiconTableTests {
    @Test func readsWordsAndRatings() throws {
        let text = "word,valence,extra\nhappy,0.9,x\nHappy,0.8,y\n,0.1,z\nsad, 0.05 ,w\n"
        let lexicon = try Lexicon.parseTable(Array(text.utf8), format: .csv, source: "l.csv", name: "mine",
                                             wordColumn: "word", valueColumn: "valence", neutral: 0.5)
        #expect(lexicon.name == "mine" && lexicon.dimensions == [.valence])
        #expect(lexicon.scale == RatingScale(lower: 0.05, upper: 0.9, neutral: 0.5))
        #expect(lexicon.rating(of: "HAPPY", on: .valence) == Rating(mean: 0.9))
        #expect(lexicon.caseVariants["Happy"] == [.valence: Rating(mean: 0.8)])
        #expect(lexicon.rating(of: "sad", on: .valence) == Rating(mean: 0.05))
    }

    @Test func aBadRatingOrAMissingColumnIsRefusedAtItsLine() {
        #expect(throws: AtlasError(source: "l.tsv", line: 3, message: "field 'v': 'high' is not a number",
                                   hint: "the fields of this row are 'v', 'w'")) {
            try Lexicon.parseTable(Array("w\tv\na\t1\nb\thigh\n".utf8), format: .tsv, source: "l.tsv", name: "m",
                                   wordColumn: "w", valueColumn: "v", neutral: 0)
        }
        #expect(throws: AtlasError(source: "l.tsv", line: 2, message: "field 'valence': missing",
                                   hint: "the fields of this row are 'v', 'w'")) {
            try Lexicon.parseTable(Array("w\tv\na\t1\n".utf8), format: .tsv, source: "l.tsv", name: "m",
                                   wordColumn: "w", valueColumn: "valence", neutral: 0)
        }
        #expect(throws: AtlasError(source: "l.tsv", message: "the lexicon has no rated word",
                                   hint: "the file needs a header row and one row per word")) {
            try Lexicon.parseTable(Array("w\tv\n".utf8), format: .tsv, source: "l.tsv", name: "m",
                                   wordColumn: "w", valueColumn: "v", neutral: 0)
        }
    }
}
