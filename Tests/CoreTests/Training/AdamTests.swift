// AdamTests: one and two steps against hand-computed values, multipliers, decay and gradient zeroing.
import Foundation
import Testing
@testable import Core

@Suite struct AdamTests {
    static func layout() -> ParameterLayout {
        var layout = ParameterLayout()
        _ = layout.add("embedding.weight", [2])
        _ = layout.add("other", [1])
        return layout
    }

    /// Step 1: m̂ = g, v̂ = g², so θ ← θ − lr·g/(|g| + ε) = θ − lr·sign(g) (for |g| ≫ ε).
    /// Step 2 with the same g: m̂ = g and v̂ = g² again, so the same step.
    @Test func firstStepsMoveByTheLearningRate() {
        var adam = Adam(layout: Self.layout(), multipliers: ["embedding.": 10])
        var p: [Float] = [1, 1, 1]
        var g: [Float] = [0.5, -2, 3]
        for step in 1...2 {
            p.withUnsafeMutableBufferPointer { pp in g.withUnsafeMutableBufferPointer { gp in
                adam.update(parameters: pp.baseAddress!, gradients: gp.baseAddress!, learningRate: 0.01)
            } }
            let expected: [Float] = [1 - 0.1 * Float(step), 1 + 0.1 * Float(step), 1 - 0.01 * Float(step)]
            for (a, b) in zip(p, expected) { #expect(abs(a - b) < 1e-6, "step \(step): \(p) vs \(expected)") }
        }
    }

    /// Decoupled weight decay subtracts lr·λ·θ on top of the Adam step; zeroing clears the gradients.
    /// A frozen tail is neither moved (not even by weight decay) nor left with a gradient; the rest steps as usual.
    @Test func frozenScalarsStayPut() {
        var adam = Adam(layout: Self.layout(), weightDecay: 0.1, trainableScalars: ["embedding.weight": 1])
        var p: [Float] = [2, 2, 2]
        var g: [Float] = [1, 1, 1]
        p.withUnsafeMutableBufferPointer { pp in g.withUnsafeMutableBufferPointer { gp in
            adam.update(parameters: pp.baseAddress!, gradients: gp.baseAddress!, learningRate: 0.5, zeroingGradients: true)
        } }
        #expect(abs(p[0] - (2 - 0.5 - 0.5 * 0.1 * 2)) < 1e-6 && p[1] == 2 && abs(p[2] - p[0]) < 1e-6, "\(p)")
        #expect(g == [0, 0, 0])
    }

    @Test func weightDecayAndZeroing() {
        var adam = Adam(layout: Self.layout(), weightDecay: 0.1)
        var p: [Float] = [2, 2, 2]
        var g: [Float] = [1, 1, 1]
        p.withUnsafeMutableBufferPointer { pp in g.withUnsafeMutableBufferPointer { gp in
            adam.update(parameters: pp.baseAddress!, gradients: gp.baseAddress!, learningRate: 0.5, zeroingGradients: true)
        } }
        for a in p { #expect(abs(a - (2 - 0.5 - 0.5 * 0.1 * 2)) < 1e-6, "\(p)") }
        #expect(g == [0, 0, 0])
    }

    /// A decay-exempt tensor takes the Adam step alone: first step of Adam moves by lr·sign(g), so 2 − 0.5 = 1.5
    /// for "other", and 2 − 0.5 − 0.5·0.1·2 = 1.4 for the decayed embedding.
    @Test func exemptTensorsAreNotDecayed() {
        var adam = Adam(layout: Self.layout(), weightDecay: 0.1, decayExempt: { $0 == "other" })
        var p: [Float] = [2, 2, 2]
        var g: [Float] = [1, 1, 1]
        p.withUnsafeMutableBufferPointer { pp in g.withUnsafeMutableBufferPointer { gp in
            adam.update(parameters: pp.baseAddress!, gradients: gp.baseAddress!, learningRate: 0.5)
        } }
        #expect(abs(p[0] - 1.4) < 1e-6 && abs(p[1] - 1.4) < 1e-6 && abs(p[2] - 1.5) < 1e-6, "\(p)")
    }
}

@Suite struct AdamGradientScaleTests {
    /// Scaling g by s before Adam equals clipping first: after one step the update is the same sign step,
    /// but the moments hold the scaled gradient.
    @Test func scaleIsAppliedBeforeTheMoments() {
        var a = Adam(layout: AdamTests.layout()), b = Adam(layout: AdamTests.layout())
        var p1: [Float] = [1, 1, 1], p2: [Float] = [1, 1, 1]
        var g1: [Float] = [4, -2, 1], g2: [Float] = [1, -0.5, 0.25]
        for _ in 0..<2 {
            p1.withUnsafeMutableBufferPointer { p in g1.withUnsafeMutableBufferPointer { g in
                a.update(parameters: p.baseAddress!, gradients: g.baseAddress!, learningRate: 0.1, gradientScale: 0.25)
            } }
            p2.withUnsafeMutableBufferPointer { p in g2.withUnsafeMutableBufferPointer { g in
                b.update(parameters: p.baseAddress!, gradients: g.baseAddress!, learningRate: 0.1)
            } }
        }
        #expect(p1 == p2 && a.m == b.m && a.v == b.v)
    }
}
