// JSONBlockTests: packed scores round-trip, and the example data block is valid JSON.
import Foundation
import Testing
@testable import Generator

@Suite struct JSONBlockTests {
    /// An independent decoder (the rule of Templates/assets/site.js written out again): unsigned x = code/63 · scale,
    /// signed x = (code − 32)/31 · scale, code = the digit's index in the base64url alphabet.
    static func unpack(scale: Double, packed: String, isSigned: Bool) -> [Double] {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        return packed.map { character in
            let code = Double(alphabet.firstIndex(of: character)!)
            return isSigned ? (code - 32) / 31 * scale : code / 63 * scale
        }
    }

    @Test(arguments: [([0.5, 0.25, 0.0, 0.125], false), ([-3.0, 1.5, 2.9, 0.001], true), ([1e-6, 2e-6, 7e-7], false),
                      ([0.0, 0.0], false), ([0.0, -0.0], true), ([2.0, 0.03, 1.0], false)])
    func packedScoresRoundTripWithinHalfAStep(scores: [Double], isSigned: Bool) {
        let (scale, packed) = JSONBlock.packScores(scores, isSigned: isSigned)
        #expect(packed.count == scores.count)
        let decoded = Self.unpack(scale: Double(scale)!, packed: packed, isSigned: isSigned)
        #expect(decoded == JSONBlock.unpackScores(packed, scale: Double(scale)!, isSigned: isSigned))
        let peak = scores.map(abs).max() ?? 0
        let halfStep = peak / (isSigned ? 62 : 126)
        for (index, (expected, observed)) in zip(scores, decoded).enumerated() {
            #expect(abs(expected - observed) <= halfStep + peak * 1e-4, "index \(index): expected \(expected), observed \(observed)")
        }
        // The peak itself survives exactly (up to the scale's 4 digits), with its sign.
        if let top = scores.indices.max(by: { abs(scores[$0]) < abs(scores[$1]) }), peak > 0 {
            #expect(abs(decoded[top] - scores[top]) <= peak * 1e-3)
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
        // A second model's block leaves the names out.
        #expect(!ExampleTraceJSON.encode(traces, names: nil, defaultMethod: "lat").contains("\"n\":"))
        // Placed unescaped in a <script> block: no character that could end the element or start markup.
        #expect(!text.contains("<") && !text.contains(">") && !text.contains("&"))
        #expect(methods[1]["s"] as? Int == 1)
        #expect((methods[0]["k"] as? [Double]) == [0.2, 0.4])
        let packed = try #require(methods[0]["p"] as? String)
        #expect(packed.count == 2 * 2)
        let layer1 = Self.unpack(scale: 0.4, packed: String(packed.dropFirst(2)), isSigned: false)
        #expect(abs(layer1[0] - 0.3) < 0.4 / 126 && abs(layer1[1] - 0.4) < 1e-6)
    }
}
