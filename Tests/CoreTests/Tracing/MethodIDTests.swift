// Tests for MethodID: stable ids, display names, and the default attention method set.

import Foundation
import Testing
@testable import Core

@Suite struct MethodIDTests {
    @Test func idsAreStable() {
        #expect(MethodID.allCases.map(\.rawValue) == [
            "lat", "lat-mean", "rollout", "context", "raw-attention", "attention-flow",
            "lat-norm", "norm", "norm-residual", "globenc", "alti", "value-zeroing", "gradient-sensitivity", "gradient-times-input", "integrated-gradients", "random",
        ])
        #expect(Set(MethodID.allCases.map(\.displayName)).count == MethodID.allCases.count)
    }

    @Test func defaultAttentionMethodsCoverEveryAttentionID() {
        let ids = makeAttentionAttributionMethods().map(\.id)
        #expect(ids == MethodID.allCases.filter(\.isAttentionBased))
        #expect(DecomposedEncoder.methods == MethodID.allCases.filter(\.isDecomposition))
    }

    /// Each id is either read from attention maps, from the decomposed layers, from gradients, or the random baseline.
    @Test func keepingOnlyTracesTheNamedMethods() {
        let options = TracingOptions().keepingOnly([.alti, .lat, .integratedGradients])
        #expect(options.attentionMethods.map(\.id) == [.lat])
        #expect(options.decompositionMethods == [.alti])
        #expect(!options.includesGradients && options.integratedGradients != nil)
        let none = TracingOptions().keepingOnly([.gradientTimesInput])
        #expect(none.attentionMethods.isEmpty && none.decompositionMethods.isEmpty)
        #expect(none.includesGradients && none.integratedGradients == nil)
    }

    /// Dictionaries keyed by MethodID encode as JSON objects keyed by the id.
    @Test func dictionaryKeysAreIDs() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode([MethodID.latMean: 1, .rollout: 2]), as: UTF8.self)
        #expect(json == #"{"lat-mean":1,"rollout":2}"#)
    }
}
