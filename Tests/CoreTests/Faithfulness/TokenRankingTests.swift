// Tests for the deterministic token ranking (ties to the lower index, NaN last) and attribution keys.

import Foundation
import Testing
@testable import Core

@Suite struct TokenRankingTests {
    @Test func tiesGoToTheLowerIndex() {
        #expect(rankTokens(by: [0.2, 0.5, 0.2, 0.5, 0.1]) == [1, 3, 0, 2, 4])
        #expect(rankTokens(by: [.nan, 1, .nan, 2]) == [3, 1, 0, 2])
        #expect(topTokens(by: [3, 3, 3], count: 2) == [0, 1])
    }

    @Test func attributionKeysRoundTrip() throws {
        #expect(AttributionKey("lat@3") == AttributionKey(.lat, layer: 3))
        #expect(AttributionKey("raw-attention") == AttributionKey(.rawAttention))
        #expect(AttributionKey("lat@x") == nil && AttributionKey("nope") == nil)
        let value = [AttributionKey(.lat, layer: 2): 1.5, AttributionKey(.rollout): 2]
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let data = try encoder.encode(value)
        #expect(String(decoding: data, as: UTF8.self) == #"{"lat@2":1.5,"rollout":2}"#)
        #expect(try JSONDecoder().decode([AttributionKey: Double].self, from: data) == value)
        let values = try encoder.encode([AttributionKey(.lat, layer: 2), AttributionKey(.rollout)])
        #expect(String(decoding: values, as: UTF8.self) == #"["lat@2","rollout"]"#)
        #expect(try JSONDecoder().decode([AttributionKey].self, from: values) == [AttributionKey(.lat, layer: 2), AttributionKey(.rollout)])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([AttributionKey].self, from: Data(#"["lat@x"]"#.utf8)) }
        #expect([AttributionKey(.rollout), AttributionKey(.lat, layer: 1), AttributionKey(.lat)].sorted()
                == [AttributionKey(.lat), AttributionKey(.lat, layer: 1), AttributionKey(.rollout)])
    }

    @Test func scoreVectorsExpandLayers() {
        let lat = LayerwiseAttentionTracing().attribute(TracingFixtures.handMade)
        let vectors = AttributionKey.scoreVectors(of: [.lat: lat, .context: Attribution(scores: [1, 0, 0])])
        #expect(Set(vectors.keys) == [AttributionKey(.lat), AttributionKey(.lat, layer: 0), AttributionKey(.lat, layer: 1),
                                      AttributionKey(.lat, layer: 2), AttributionKey(.context)])
        #expect(vectors[AttributionKey(.lat, layer: 1)] == lat.layers?[1])
        #expect(AttributionKey.scoreVectors(of: [.lat: lat], includesLayers: false).count == 1)
    }
}
