// JSONBlockTests: packed scores round-trip, and the example data block is valid JSON.
import Foundation
import Testing
@testable import Generator

@Suite struct JSONBlockTests {
    /// The decoder in Templates/assets/site.js, in Swift: code = 64·digit(c0) + digit(c1); x = (code − 2048) / 2047 · scale.
    static func unpack(scale: Double, packed: String) -> [Double] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        let characters = Array(packed)
        return stride(from: 0, to: characters.count, by: 2).map { index in
            let code = alphabet.firstIndex(of: characters[index])! * 64 + alphabet.firstIndex(of: characters[index + 1])!
            return Double(code - 2048) / 2047 * scale
        }
    }

    @Test(arguments: [[0.5, 0.25, 0.0, 0.125], [-3.0, 1.5, 2.9, 0.001], [1e-6, 2e-6, 7e-7], [0.0, 0.0]])
    func packedScoresRoundTripToAboutThreeDigits(scores: [Double]) {
        let (scale, packed) = JSONBlock.packScores(scores)
        #expect(packed.count == scores.count * 2)
        let decoded = Self.unpack(scale: Double(scale)!, packed: packed)
        let peak = scores.map(abs).max() ?? 0
        for (index, (expected, observed)) in zip(scores, decoded).enumerated() {
            #expect(abs(expected - observed) <= peak / 2047 * 0.5 + peak * 1e-4, "index \(index): expected \(expected), observed \(observed)")
        }
    }

    @Test func exampleBlockIsValidJSON() throws {
        let traces = [MethodTrace(methodID: "lat", layers: [[0.1, 0.2], [0.3, 0.4]]), MethodTrace(methodID: "g<x>", layers: [[-1, 1]])]
        let text = ExampleTraceJSON.encode(traces, names: ["lat": "LAT \"paper\""], defaultMethod: "lat")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["d"] as? String == "lat")
        let methods = try #require(object["m"] as? [[String: Any]])
        #expect(methods.count == 2)
        #expect(methods[0]["n"] as? String == "LAT \"paper\"")
        #expect(methods[1]["id"] as? String == "g<x>")
        // Placed unescaped in a <script> block: no character that could end the element or start markup.
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(methods[1]["s"] as? Int == 1)
        #expect((methods[0]["k"] as? [Double]) == [0.2, 0.4])
        let packed = try #require(methods[0]["p"] as? String)
        #expect(packed.count == 2 * 2 * 2)
        let layer1 = Self.unpack(scale: 0.4, packed: String(packed.dropFirst(4)))
        #expect(abs(layer1[0] - 0.3) < 1e-3 && abs(layer1[1] - 0.4) < 1e-3)
    }
}
