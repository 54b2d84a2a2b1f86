// Tests for MethodID: stable ids, display names, and the default attention method set.

import Foundation
import Testing
@testable import Core

@Suite struct MethodIDTests {
    @Test func idsAreStable() {
        #expect(MethodID.allCases.map(\.rawValue) == [
            "lat", "lat-mean", "rollout", "context", "raw-attention", "attention-flow",
            "gradient-sensitivity", "gradient-times-input", "integrated-gradients", "random",
        ])
        #expect(Set(MethodID.allCases.map(\.displayName)).count == MethodID.allCases.count)
    }

    @Test func defaultAttentionMethodsCoverEveryAttentionID() {
        let ids = makeAttentionAttributionMethods().map(\.id)
        #expect(ids == MethodID.allCases.filter(\.isAttentionBased))
    }

    /// Dictionaries keyed by MethodID encode as JSON objects keyed by the id.
    @Test func dictionaryKeysAreIDs() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode([MethodID.latMean: 1, .rollout: 2]), as: UTF8.self)
        #expect(json == #"{"lat-mean":1,"rollout":2}"#)
    }
}
