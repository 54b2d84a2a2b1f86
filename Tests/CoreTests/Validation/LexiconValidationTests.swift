// LexiconValidationTests: the whole validation on a synthetic U-shaped corpus, baselines, adjustment, edge cases.
import Foundation
import Testing
@testable import Core

@Suite struct LexiconValidationTests {
    /// 60 word types w0…w59 with valence spread over 1…9; scores follow intensity |V − 5| plus a little noise.
    static let valence = (0..<60).map { 1 + 8 * Double(($0 * 37) % 60) / 59 }

    static var lexicons: [Lexicon] {
        var warriner: [String: [EmotionDimension: Rating]] = [:]
        var vader: [String: [EmotionDimension: Rating]] = [:]
        for (i, v) in valence.enumerated() {
            warriner["w\(i)"] = [.valence: Rating(mean: v), .arousal: Rating(mean: 3 + abs(v - 5) * 0.7)]
            vader["w\(i)"] = [.valence: Rating(mean: (v - 5) * 0.8)]
        }
        return [Lexicon(name: "warriner", scale: RatingScale(lower: 1, upper: 9, neutral: 5),
                        dimensions: [.valence, .arousal], entries: warriner),
                Lexicon(name: "vader", scale: RatingScale(lower: -4, upper: 4, neutral: 0), dimensions: [.valence],
                        entries: vader)]
    }

    static func occurrences(signal: Double, seed: UInt64) -> [ScoredOccurrence] {
        var generator = SplitMix64(seed: seed)
        var result: [ScoredOccurrence] = []
        for (i, v) in valence.enumerated() {
            for _ in 0..<(2 + i % 3) {
                let score = signal * abs(v - 5) + 0.05 * Double(generator.nextNormal()) + 1
                result.append(ScoredOccurrence(word: i % 2 == 0 ? "w\(i)" : "W\(i)", score: score))
            }
        }
        result.append(ScoredOccurrence(word: "unrated", score: 1))
        result.append(ScoredOccurrence(word: "unrated", score: 2))
        return result
    }

    static var options: ValidationOptions {
        var options = ValidationOptions()
        options.topK = [10, 20, 100]
        options.bootstrapResamples = 200
        options.topWordCount = 5
        return options
    }

    static func run(_ series: [AttributionSeries]) throws -> ValidationReport {
        try validateAgainstLexicons(series, lexicons: lexicons, targets: ValidationTarget.defaults(), options: options)
    }

    /// Computed once for the suite (each test gets a fresh suite value, and the run takes ~0.5 s in debug).
    static let sharedReport = Result {
        try run([
            AttributionSeries(method: "lat", layer: 1, occurrences: occurrences(signal: 0.1, seed: 1)),
            AttributionSeries(method: "lat", layer: 2, occurrences: occurrences(signal: 0.0, seed: 2)),
        ])
    }

    let report: ValidationReport

    init() throws { report = try Self.sharedReport.get() }

    @Test func entriesIncludeBaselines() {
        #expect(report.entries.map(\.method) == ["lat", "lat", "random-baseline", "frequency-baseline"])
        #expect(report.entries.map(\.isBaseline) == [false, false, true, true])
        #expect(report.entries.allSatisfy { $0.targets.count == 3 })
        #expect(report.entries[0].aggregation.wordTypes == 61 && report.entries[0].aggregation.occurrences == 182)
    }

    @Test func signalIsFoundWhereItIs() throws {
        let intensity = report.entries[0].targets[0]
        #expect(intensity.wordCount == 60 && intensity.join.matchedExact == 60)
        let spearman = try #require(intensity.spearman)
        #expect(spearman.estimate > 0.9 && spearman.pValue < 1e-10)
        let interval = try #require(spearman.interval)
        #expect(interval.lower > 0.8 && interval.upper <= 1 && interval.method == "bootstrap-percentile")
        let quadratic = try #require(intensity.quadratic)
        #expect(quadratic.quadratic.coefficients[2].estimate > 0)
        #expect(quadratic.orthogonal.coefficients[2].t > 10)
        let top10 = intensity.topK[0]
        #expect(top10.nTop == 10 && top10.nRest == 50 && top10.meanTop! > top10.meanRest!)
        #expect(try #require(top10.welch).statistic > 0 && top10.mannWhitney!.effectSize > 0.5)
        #expect(try #require(top10.cohenD?.interval).lower > 0)
        // Arousal (rating) and the second lexicon see the same signal.
        #expect(try #require(report.entries[0].targets[1].spearman).estimate > 0.9)
        #expect(try #require(report.entries[0].targets[2].spearman).estimate > 0.9)
    }

    @Test func spearmanEqualsTheDirectComputationOnTheScatter() throws {
        let entry = report.entries[0]
        var generator = SplitMix64(seed: 0)
        let direct = try spearmanCorrelation(entry.scatter.map(\.meanScore), entry.scatter.map { abs($0.valence - 5) },
                                             using: &generator)
        let reported = try #require(entry.targets[0].spearman)
        #expect(direct.estimate == reported.estimate && direct.pValue == reported.pValue)
        #expect(entry.scatter.count == 60)
    }

    @Test func noSignalIsNotSignificant() throws {
        let spearman = try #require(report.entries[1].targets[0].spearman)
        #expect(abs(spearman.estimate) < 0.4)
        #expect(try #require(spearman.adjusted).holm > 0.05)
    }

    @Test func topKLargerThanTheWordsIsUndefinedWithAReason() {
        let comparison = report.entries[0].targets[0].topK[2]
        #expect(comparison.welch == nil && comparison.mannWhitney == nil && comparison.cohenD == nil)
        #expect(comparison.undefined["welch"] == "k = 100 leaves no rest among 60 words")
    }

    @Test func pValuesAreAdjustedWithinFamiliesAcrossEntries() throws {
        for entry in report.entries {
            let spearman = try #require(entry.targets[0].spearman)
            let adjusted = try #require(spearman.adjusted)
            #expect(adjusted.family == "warriner.valence.intensity.spearman" && adjusted.familySize == 4)
            #expect(adjusted.holm >= spearman.pValue && adjusted.benjaminiHochberg >= spearman.pValue)
            #expect(adjusted.holm >= adjusted.benjaminiHochberg)
            #expect(entry.targets[0].topK[0].welch?.adjusted?.family == "warriner.valence.intensity.top10.welch")
        }
        #expect(report.entries[0].targets[0].quadratic?.quadraticVersusLinear.adjusted != nil)
        #expect(report.correction.contains("Holm") && report.correction.contains("Benjamini"))
    }

    @Test func topWordsCarryTheirRatings() {
        let top = report.entries[0].topWords
        #expect(top.count == 5)
        #expect(zip(top, top.dropFirst()).allSatisfy { $0.meanScore >= $1.meanScore })
        // "unrated" scores highest and has no rating; the others carry every target's rating.
        #expect(top[0].word == "unrated" && top[0].ratings.isEmpty)
        #expect(top.dropFirst().allSatisfy {
            $0.ratings["warriner.valence.intensity"] != nil && $0.ratings["vader.valence.intensity"] != nil
        })
    }

    /// JSONEncoder throws on NaN and infinity, so a successful round trip proves none is stored.
    @Test func reportRoundTripsThroughJSON() throws {
        let data = try JSONEncoder().encode(report)
        #expect(try JSONDecoder().decode(ValidationReport.self, from: data) == report)
    }

    @Test func isDeterministicAndStreamsAreIndependent() throws {
        let alone = try Self.run([AttributionSeries(method: "lat", layer: 1,
                                                    occurrences: Self.occurrences(signal: 0.1, seed: 1))])
        #expect(alone.entries[0].targets[0].spearman?.interval == report.entries[0].targets[0].spearman?.interval)
        #expect(alone.entries[0].targets[0].topK[0].cohenD == report.entries[0].targets[0].topK[0].cohenD)
    }

    @Test func tooFewWordsAndConstantScoresAreReportedNotCrashed() throws {
        let few = [ScoredOccurrence(word: "w0", score: 1), ScoredOccurrence(word: "w0", score: 2),
                   ScoredOccurrence(word: "w1", score: 1), ScoredOccurrence(word: "w1", score: .nan),
                   ScoredOccurrence(word: "w1", score: 3)]
        let constant = Self.occurrences(signal: 0, seed: 1).map { ScoredOccurrence(word: $0.word, score: 0.5) }
        let report = try Self.run([AttributionSeries(method: "few", layer: nil, occurrences: few),
                                   AttributionSeries(method: "constant", layer: nil, occurrences: constant)])
        let fewTarget = report.entries[0].targets[0]
        #expect(fewTarget.spearman == nil && fewTarget.undefined["spearman"] == "too few observations: 2, needs at least 3")
        #expect(fewTarget.undefined["quadratic"] != nil)
        #expect(report.entries[0].aggregation.nonFiniteScoresDropped == 1)
        let constantTarget = report.entries[1].targets[0]
        #expect(constantTarget.undefined["spearman"] == "x is constant (zero variance)")
        #expect(constantTarget.topK[0].undefined["welch"] == "every word has the same score, so the top 10 are arbitrary")
        _ = try JSONEncoder().encode(report)
    }

    @Test func unknownLexiconOrDimensionIsAnError() {
        let series = [AttributionSeries(method: "lat", layer: 1, occurrences: Self.occurrences(signal: 0.1, seed: 1))]
        #expect(throws: AtlasError.self) {
            try validateAgainstLexicons(series, lexicons: Self.lexicons,
                                        targets: ValidationTarget.defaults(secondary: "labmt"), options: Self.options)
        }
        let dominance = ValidationTarget(lexicon: "vader", dimension: .dominance, measure: .rating, includesQuadratic: false)
        #expect(throws: AtlasError.self) {
            try validateAgainstLexicons(series, lexicons: Self.lexicons, targets: [dominance], options: Self.options)
        }
    }
}
