// Tests for attention flow and its max-flow solver: a hand-solved 2-layer graph, networkx references, and the
// dense layered solver against the general edge-list one (FlowNetwork.swift) on model-sized graphs.

import Testing
@testable import Core

@Suite struct AttentionFlowTests {
    /// L = 2, H = 1, n = 2, α = [.9, .1]; A^1 = [[1 0] [.2 .8]], A^2 = [[.4 .6] [1 0]].
    /// W^1 = .5·A^1 + .5·I = [[1 0] [.1 .9]];  W^2 = [[.7 .3] [.5 .5]].
    /// Nodes: a_i (depth 2), b_i (depth 1), c_i (input). Edges: s→a0 .9, s→a1 .1; a0→b0 .7, a0→b1 .3,
    /// a1→b0 .5, a1→b1 .5; b0→c0 1, b1→c0 .1, b1→c1 .9.
    /// - to b0: a0 gives .7, a1 gives .1 (its whole supply) → .8; cut {a0→b0, s→a1} = .8.
    /// - to b1: a0→b1 .3 plus a1's .1 → .4; cut {a0→b1, s→a1} = .4.
    /// - to c0: .8 through b0, plus b1→c0 .1 fed by a0's remaining .2 → .9; cut {s→a1, a0→b0, b1→c0} = .9.
    /// - to c1: only through b1 → .4; cut {a0→b1, s→a1} = .4.
    @Test func handSolvedTwoLayerGraph() {
        let maps = AttentionMaps(layers: 2, heads: 1, tokens: 2,
                                 probabilities: [1, 0, 0.2, 0.8, 0.4, 0.6, 1, 0], context: [0.9, 0.1])
        let result = AttentionFlow().attribute(maps)
        expectClose(result.scores, [0.9, 0.4], tolerance: 1e-6, "input")
        let layers = result.layers ?? []
        #expect(layers.count == 3)
        expectClose(layers[1], [0.8, 0.4], tolerance: 1e-6, "depth 1")
        expectClose(layers[2], [0.9, 0.1], tolerance: 1e-6, "depth 2")
        #expect(AttentionFlow(recordsLayers: false).attribute(maps).layers == nil)
    }

    /// A classic non-layered network (CLRS Figure 26.1): maximum flow 23.
    @Test func solvesTextbookNetwork() {
        var network = FlowNetwork(nodeCount: 6)
        for (u, v, c) in [(0, 1, 16.0), (0, 2, 13), (2, 1, 4), (1, 3, 12), (3, 2, 9), (2, 4, 14),
                          (4, 3, 7), (3, 5, 20), (4, 5, 4)] {
            network.addEdge(from: u, to: v, capacity: c)
        }
        #expect(abs(network.maximumFlow(from: 0, to: 5) - 23) < 1e-9)
        #expect(network.maximumFlow(from: 5, to: 0) == 0)
        #expect(abs(network.maximumFlow(from: 0, to: 5) - 23) < 1e-9, "a second call starts from zero flow")
    }

    struct Case: Sendable {
        var layers: Int, heads: Int, tokens: Int
        var probabilities: [Float], context: [Float]
        /// flows[l][j]: maximum flow from the source to token j at depth l.
        var flows: [[Double]]
    }

    /// Random layered graphs solved by networkx 3 (`maximum_flow_value`) at development time with:
    ///
    ///     import numpy as np, networkx as nx
    ///     def maps(rng, L, H, n):
    ///         p = rng.integers(0, 1000, size=(L, H, n, n)).astype(float)
    ///         p[..., -1] = 0
    ///         p = np.floor(p / p.sum(-1, keepdims=True).clip(1) * 1000 * 0.9) / 1000
    ///         p[..., -1] = 1 - p[..., :-1].sum(-1)
    ///         a = rng.integers(1, 1000, size=n).astype(float); a = np.floor(a / a.sum() * 1000) / 1000
    ///         a[-1] = 1 - a[:-1].sum()
    ///         return np.round(p, 3), np.round(a, 3)
    ///     def flows(p, a):
    ///         L, H, n, _ = p.shape
    ///         g = nx.DiGraph()
    ///         for i in range(n): g.add_edge('s', (L, i), capacity=a[i])
    ///         for l in range(1, L + 1):
    ///             w = 0.5 * p[l - 1].mean(0) + 0.5 * np.eye(n)
    ///             w = w / w.sum(1, keepdims=True)
    ///             for i in range(n):
    ///                 for j in range(n):
    ///                     if w[i, j] > 0: g.add_edge((l, i), (l - 1, j), capacity=w[i, j])
    ///         return [[nx.maximum_flow_value(g, 's', (l, j)) for j in range(n)] for l in range(L + 1)]
    ///     rng = np.random.default_rng(2020)
    ///     for (L, H, n) in [(2, 2, 3), (3, 2, 4), (2, 3, 5), (4, 1, 4)]:
    ///         p, a = maps(rng, L, H, n); print(L, H, n, p.ravel(), a, flows(p, a))
    static let networkxCases: [Case] = [
        Case(layers: 2, heads: 2, tokens: 3,
             probabilities: [0.069, 0.830, 0.101, 0.385, 0.514, 0.101, 0.155, 0.744, 0.101, 0.361, 0.538, 0.101, 0.467, 0.432, 0.101, 0.326, 0.573, 0.101, 0.597, 0.302, 0.101, 0.865, 0.034, 0.101, 0.182, 0.717, 0.101, 0.658, 0.241, 0.101, 0.821, 0.078, 0.101, 0.663, 0.236, 0.101],
             context: [0.036, 0.241, 0.723],
             flows: [[0.8215, 1.0, 0.6515], [0.48825, 0.51525, 0.637], [0.036, 0.241, 0.723]]),
        Case(layers: 3, heads: 2, tokens: 4,
             probabilities: [0.477, 0.138, 0.283, 0.102, 0.280, 0.063, 0.556, 0.101, 0.244, 0.312, 0.342, 0.102, 0.141, 0.258, 0.500, 0.101, 0.395, 0.080, 0.423, 0.102, 0.028, 0.125, 0.745, 0.102, 0.433, 0.266, 0.199, 0.102, 0.647, 0.146, 0.106, 0.101, 0.243, 0.372, 0.284, 0.101, 0.086, 0.274, 0.538, 0.102, 0.250, 0.624, 0.025, 0.101, 0.321, 0.240, 0.338, 0.101, 0.366, 0.111, 0.421, 0.102, 0.246, 0.319, 0.333, 0.102, 0.517, 0.380, 0.002, 0.101, 0.568, 0.190, 0.141, 0.101, 0.127, 0.362, 0.410, 0.101, 0.348, 0.203, 0.347, 0.102, 0.598, 0.064, 0.237, 0.101, 0.417, 0.166, 0.316, 0.101, 0.440, 0.123, 0.336, 0.101, 0.287, 0.227, 0.384, 0.102, 0.118, 0.335, 0.445, 0.102, 0.028, 0.596, 0.274, 0.102],
             context: [0.375, 0.044, 0.338, 0.243],
             flows: [[1.0, 0.847, 1.0, 0.69325], [1.0, 0.93475, 1.0, 0.5405], [0.70925, 0.4555, 0.716, 0.38825], [0.375, 0.044, 0.338, 0.243]]),
        Case(layers: 2, heads: 3, tokens: 5,
             probabilities: [0.231, 0.249, 0.201, 0.218, 0.101, 0.063, 0.388, 0.267, 0.180, 0.102, 0.230, 0.188, 0.305, 0.174, 0.103, 0.074, 0.329, 0.421, 0.074, 0.102, 0.246, 0.247, 0.151, 0.253, 0.103, 0.400, 0.335, 0.039, 0.123, 0.103, 0.272, 0.152, 0.345, 0.128, 0.103, 0.219, 0.182, 0.269, 0.229, 0.101, 0.308, 0.389, 0.197, 0.004, 0.102, 0.173, 0.038, 0.030, 0.658, 0.101, 0.256, 0.285, 0.249, 0.109, 0.101, 0.350, 0.061, 0.088, 0.400, 0.101, 0.281, 0.101, 0.211, 0.305, 0.102, 0.142, 0.204, 0.408, 0.144, 0.102, 0.373, 0.180, 0.148, 0.196, 0.103, 0.112, 0.327, 0.067, 0.391, 0.103, 0.214, 0.209, 0.231, 0.244, 0.102, 0.100, 0.350, 0.354, 0.094, 0.102, 0.154, 0.364, 0.064, 0.316, 0.102, 0.099, 0.613, 0.045, 0.142, 0.101, 0.155, 0.016, 0.398, 0.329, 0.102, 0.344, 0.239, 0.191, 0.124, 0.102, 0.250, 0.222, 0.144, 0.283, 0.101, 0.020, 0.231, 0.438, 0.209, 0.102, 0.326, 0.345, 0.059, 0.167, 0.103, 0.146, 0.493, 0.231, 0.028, 0.102, 0.216, 0.079, 0.237, 0.366, 0.102, 0.201, 0.257, 0.408, 0.032, 0.102, 0.248, 0.254, 0.301, 0.096, 0.101, 0.292, 0.157, 0.112, 0.338, 0.101],
             context: [0.126, 0.180, 0.182, 0.208, 0.304],
             flows: [[0.991833333333, 1.0, 1.0, 1.0, 0.711666666667], [0.536666666667, 0.7715, 0.577666666667, 0.631, 0.507833333333], [0.126, 0.18, 0.182, 0.208, 0.304]]),
        Case(layers: 4, heads: 1, tokens: 4,
             probabilities: [0.419, 0.127, 0.353, 0.101, 0.361, 0.251, 0.287, 0.101, 0.338, 0.241, 0.319, 0.102, 0.142, 0.328, 0.428, 0.102, 0.224, 0.417, 0.257, 0.102, 0.131, 0.343, 0.425, 0.101, 0.186, 0.473, 0.240, 0.101, 0.304, 0.291, 0.304, 0.101, 0.411, 0.064, 0.423, 0.102, 0.070, 0.407, 0.421, 0.102, 0.210, 0.250, 0.439, 0.101, 0.086, 0.277, 0.535, 0.102, 0.142, 0.496, 0.261, 0.101, 0.514, 0.144, 0.241, 0.101, 0.108, 0.754, 0.037, 0.101, 0.304, 0.189, 0.405, 0.102],
             context: [0.123, 0.594, 0.182, 0.101],
             flows: [[1.0, 0.9735, 1.0, 0.703], [0.9225, 1.0, 1.0, 0.557], [0.718, 0.999, 0.999, 0.405], [0.535, 0.9715, 0.5265, 0.2525], [0.123, 0.594, 0.182, 0.101]]),
    ]

    @Test(arguments: networkxCases)
    func matchesNetworkx(_ reference: Case) {
        let maps = AttentionMaps(layers: reference.layers, heads: reference.heads, tokens: reference.tokens,
                                 probabilities: reference.probabilities, context: reference.context)
        let result = AttentionFlow().attribute(maps)
        expectClose(result.scores, reference.flows[0], tolerance: 2e-6, "input")
        for (l, expected) in reference.flows.enumerated() {
            expectClose(result.layers?[l] ?? [], expected, tolerance: 2e-6, "depth \(l)")
        }
    }

    /// The dense layered solver against Dinic on the whole graph as edge lists, for every token at every
    /// depth, on graphs of the default model's shape (L = 6, H = 4, n up to 24) and on sparse ones (about
    /// half the attention entries zero, so some arcs are missing and many saturate). Both are exact up to
    /// rounding in Double, whose errors here are ~1e-16 per addition over a few hundred additions, so
    /// 1e-9 separates rounding from any wrong path.
    @Test(arguments: [(6, 4, 19, false), (6, 4, 24, true), (3, 2, 7, true), (1, 1, 5, false), (6, 1, 1, false),
                      (2, 2, 11, false)])
    func layeredSolverMatchesGeneralSolver(_ shape: (Int, Int, Int, Bool)) {
        let (layers, heads, n, sparse) = shape
        for seed in UInt64(1)...3 {
            var maps = TracingFixtures.random(layers: layers, heads: heads, tokens: n, seed: seed)
            if sparse {
                var g = SplitMix64(seed: seed + 100)
                var p = maps.probabilities
                for r in 0..<(p.count / n) {
                    for j in 0..<n where g.nextUnitDouble() < 0.5 { p[r * n + j] = 0 }
                    let sum = p[(r * n)..<(r * n + n)].reduce(0, +)
                    for j in 0..<n { p[r * n + j] = sum > 0 ? p[r * n + j] / sum : 0 }
                }
                var context = maps.context
                for j in 0..<n where g.nextUnitDouble() < 0.3 { context[j] = 0 }
                maps = AttentionMaps(layers: layers, heads: heads, tokens: n, probabilities: p, context: context)
            }
            let flow = AttentionFlow()
            let result = flow.attribute(maps)
            let network = flow.makeNetwork(maps)
            for l in 0..<layers {
                let expected = network.maximumFlows(from: 0, to: (0..<n).map { 1 + l * n + $0 })
                let solver = LayeredMaximumFlow(width: n, supply: maps.context, capacities: residualHeadMeans(maps))
                for j in 0..<n {
                    let value = solver.maximumFlow(toLayer: l, token: j)
                    #expect(abs(value - expected[j]) < 1e-9, "seed \(seed), depth \(l), token \(j): \(value) vs \(expected[j])")
                    #expect(Float(value) == result.layers?[l][j], "attribute() reports the solver's value")
                }
            }
        }
    }

    /// A graph where the first, greedy phase is not enough and the flow has to be rerouted along a reverse
    /// arc. Depth 2: a0, a1 (supply .5 each); a0 → b0 .5, a0 → b1 .5, a1 → b0 1; b0 → c0 .5, b1 → c0 .5.
    /// The DFS tries arcs in token order, so a0 sends its .5 through b0 and saturates b0 → c0; a1 is then
    /// stuck at b0. The second phase finds s → a1 → b0 ⇢ a0 (undoing a0 → b0) → b1 → c0 and moves .5
    /// over: 1.0 in all, the cut {b0 → c0, b1 → c0}. Into b0: min(.5, .5) + min(.5, 1) = 1.0; into b1: .5.
    @Test func reroutesAlongReverseArcs() {
        let solver = LayeredMaximumFlow(width: 2, supply: [0.5, 0.5],
                                        capacities: [0.5, 0, 0.5, 0] + [0.5, 0.5, 1, 0])
        #expect(abs(solver.maximumFlow(toLayer: 0, token: 0) - 1.0) < 1e-12)
        #expect(solver.maximumFlow(toLayer: 0, token: 1) == 0)
        #expect(abs(solver.maximumFlow(toLayer: 1, token: 0) - 1.0) < 1e-12)
        #expect(abs(solver.maximumFlow(toLayer: 1, token: 1) - 0.5) < 1e-12)
    }

    /// Random sparse layered graphs with arbitrary capacities (not row-stochastic, about 60 % of arcs
    /// missing), where greedy routing often falls short and later phases need reverse arcs: the dense
    /// solver against the edge-list one for every sink. Tolerance as in `layeredSolverMatchesGeneralSolver`.
    @Test(arguments: [(4, 6), (5, 9), (3, 14)])
    func layeredSolverMatchesGeneralSolverOnSparseGraphs(_ shape: (Int, Int)) {
        let (layers, n) = shape
        var g = SplitMix64(seed: UInt64(layers * 100 + n))
        for _ in 0..<5 {
            let supply = (0..<n).map { _ in Float(g.nextUnitDouble()) }
            let capacities = (0..<(layers * n * n)).map { _ in g.nextUnitDouble() < 0.6 ? 0 : Float(g.nextUnitDouble()) }
            var network = FlowNetwork(nodeCount: 1 + (layers + 1) * n)
            for i in 0..<n { network.addEdge(from: 0, to: 1 + layers * n + i, capacity: Double(supply[i])) }
            for d in 1...layers {
                for i in 0..<n {
                    for k in 0..<n where capacities[(d - 1) * n * n + i * n + k] > 0 {
                        network.addEdge(from: 1 + d * n + i, to: 1 + (d - 1) * n + k,
                                        capacity: Double(capacities[(d - 1) * n * n + i * n + k]))
                    }
                }
            }
            let solver = LayeredMaximumFlow(width: n, supply: supply, capacities: capacities)
            for l in 0..<layers {
                for j in 0..<n {
                    let expected = network.maximumFlow(from: 0, to: 1 + l * n + j)
                    let value = solver.maximumFlow(toLayer: l, token: j)
                    #expect(abs(value - expected) < 1e-9, "depth \(l), token \(j): \(value) vs \(expected)")
                }
            }
        }
    }
}
