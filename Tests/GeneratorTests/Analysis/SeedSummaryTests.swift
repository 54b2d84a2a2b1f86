// SeedSummaryTests: the per-word spread of LAT across seeds, worked by hand, and which examples get one.
import Core
import Testing
@testable import Generator

@Suite struct SeedSummaryTests {
    /// Word 1: 1, 3, 2 → mean 2, SD 1; word 2: 2, 2, 5 → mean 3, SD √((1 + 1 + 4)/2) = √3.
    @Test func spreadIsTheMeanAndSampleSDPerWord() throws {
        let spread = try #require(WordSpread([[1, 2], [3, 2], [2, 5]]))
        #expect(spread.mean == [2, 3])
        #expect(abs(spread.standardDeviation[0] - 1) < 1e-12 && abs(spread.standardDeviation[1] - 3.0.squareRoot()) < 1e-12)
        #expect(WordSpread([[1, 2]]) == nil && WordSpread([[1, 2], [1]]) == nil)
    }

    /// Only examples traced (with LAT) in every seed have a spread.
    @Test func onlyExamplesOfEverySeedGetASpread() {
        func record(_ id: String, _ scores: [Float]) -> TraceRecord {
            TraceRecord(id: id, tokens: scores.map { _ in "w" }, label: .classIndex(0), prediction: .classIndex(0),
                        attributions: [.lat: Attribution(scores: scores)])
        }
        let spread = SeedSummary.latSpread([[record("a", [1, 2]), record("b", [1])], [record("a", [3, 2])]])
        #expect(spread.keys.sorted() == ["a"] && spread["a"]?.mean == [2, 2])
    }
}
