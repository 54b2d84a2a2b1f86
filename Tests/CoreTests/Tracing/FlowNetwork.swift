// FlowNetwork: a directed graph with real capacities and an exact maximum flow (Dinic's algorithm on edge
// lists), the general solver the attention-flow tests check `LayeredMaximumFlow` against.
@testable import Core

/// A flow network with `Double` capacities and Dinic's maximum-flow algorithm.
///
/// Dinic (1970): repeat { BFS levels from the source over edges with residual > ε; push a
/// blocking flow by DFS along strictly increasing levels }. O(V² E) in general; on the shallow
/// layered graphs of attention flow (depth L + 2) one or two phases, i.e. a few passes over the
/// edges per sink. Exact up to floating-point rounding: residuals below `tolerance` count as
/// saturated, so the loop always terminates.
///
/// Edges are stored in pairs (edge e and its reverse e ^ 1), so `maximumFlow` can be called for
/// several source/sink pairs on the same network; every call starts from zero flow.
struct FlowNetwork: Sendable {
    let nodeCount: Int
    private var firstEdge: [Int]
    private var target: [Int] = []
    private var nextEdge: [Int] = []
    private var capacity: [Double] = []

    init(nodeCount: Int) {
        self.nodeCount = nodeCount
        firstEdge = [Int](repeating: -1, count: nodeCount)
    }

    /// Adds the edge `from → to` with `capacity` ≥ 0 (and its zero-capacity reverse).
    mutating func addEdge(from: Int, to: Int, capacity c: Double) {
        precondition(from >= 0 && from < nodeCount && to >= 0 && to < nodeCount,
                     "edge \(from) → \(to) outside 0 ..< \(nodeCount)")
        precondition(c >= 0, "negative capacity \(c) on edge \(from) → \(to)")
        for (u, v, cap) in [(from, to, c), (to, from, 0.0)] {
            target.append(v)
            capacity.append(cap)
            nextEdge.append(firstEdge[u])
            firstEdge[u] = target.count - 1
        }
    }

    /// The value of a maximum flow from `source` to `sink`.
    func maximumFlow(from source: Int, to sink: Int, tolerance: Double = 1e-12) -> Double {
        maximumFlows(from: source, to: [sink], tolerance: tolerance)[0]
    }

    /// The maximum-flow value from `source` to each of `sinks`, each computed from zero flow; the
    /// working buffers are built once and reused across sinks.
    func maximumFlows(from source: Int, to sinks: [Int], tolerance: Double = 1e-12) -> [Double] {
        let search = FlowSearch(nodeCount: nodeCount, target: target, capacity: capacity, tolerance: tolerance)
        return sinks.map { search.maximumFlow(from: source, to: $0) }
    }
}

/// The working state of Dinic's algorithm: the edges in compressed rows (each node's edges
/// contiguous, for locality), residuals, BFS levels and DFS edge pointers, in buffers allocated once.
private final class FlowSearch {
    let nodeCount: Int, edgeCount: Int, tolerance: Double
    let start: UnsafeMutablePointer<Int>        // V + 1: node u's edges are start[u] ..< start[u + 1]
    let target: UnsafeMutablePointer<Int>       // E
    let capacity: UnsafeMutablePointer<Double>  // E
    let reverse: UnsafeMutablePointer<Int>      // E: the index of each edge's reverse
    let residual: UnsafeMutablePointer<Double>  // E
    let level: UnsafeMutablePointer<Int>        // V
    let current: UnsafeMutablePointer<Int>      // V
    let queue: UnsafeMutablePointer<Int>        // V
    var sink = 0

    /// `target` and `capacity` in pair order: edge e runs from target[e ^ 1] to target[e].
    init(nodeCount: Int, target pairTarget: [Int], capacity pairCapacity: [Double], tolerance: Double) {
        self.nodeCount = nodeCount
        edgeCount = pairTarget.count
        self.tolerance = tolerance
        start = .allocate(capacity: nodeCount + 1)
        target = .allocate(capacity: max(edgeCount, 1))
        capacity = .allocate(capacity: max(edgeCount, 1))
        reverse = .allocate(capacity: max(edgeCount, 1))
        residual = .allocate(capacity: max(edgeCount, 1))
        level = .allocate(capacity: nodeCount)
        current = .allocate(capacity: nodeCount)
        queue = .allocate(capacity: nodeCount)
        start.initialize(repeating: 0, count: nodeCount + 1)
        for e in 0..<edgeCount { start[pairTarget[e ^ 1] + 1] += 1 }
        for u in 0..<nodeCount { start[u + 1] += start[u] }
        for u in 0..<nodeCount { current[u] = start[u] }
        var position = [Int](repeating: 0, count: edgeCount)
        for e in 0..<edgeCount {
            let u = pairTarget[e ^ 1]
            position[e] = current[u]
            current[u] += 1
        }
        for e in 0..<edgeCount {
            target[position[e]] = pairTarget[e]
            capacity[position[e]] = pairCapacity[e]
            reverse[position[e]] = position[e ^ 1]
        }
    }

    deinit {
        for pointer in [start, target, reverse, level, current, queue] { pointer.deallocate() }
        capacity.deallocate()
        residual.deallocate()
    }

    func maximumFlow(from source: Int, to sink: Int) -> Double {
        if source == sink { return 0 }
        self.sink = sink
        residual.update(from: capacity, count: edgeCount)
        var total = 0.0
        while buildLevels(from: source) {
            for u in 0..<nodeCount { current[u] = start[u] }
            while true {
                let pushed = push(from: source, limit: .infinity)
                if pushed <= tolerance { break }
                total += pushed
            }
        }
        return total
    }

    /// BFS over edges with residual > tolerance; true when the sink is reachable.
    private func buildLevels(from source: Int) -> Bool {
        for u in 0..<nodeCount { level[u] = -1 }
        level[source] = 0
        queue[0] = source
        var head = 0, tail = 1
        while head < tail {
            let u = queue[head]
            head += 1
            // Nodes at the sink's level or beyond cannot lie on a shortest augmenting path;
            // leaving them unlabelled keeps the DFS out of dead ends (here: the layers below the sink).
            if level[sink] >= 0 && level[u] >= level[sink] { break }
            for e in start[u]..<start[u + 1] {
                let v = target[e]
                if level[v] < 0 && residual[e] > tolerance {
                    level[v] = level[u] + 1
                    queue[tail] = v
                    tail += 1
                }
            }
        }
        return level[sink] >= 0
    }

    /// Pushes up to `limit` from `u` towards the sink along edges to the next level, over as many
    /// paths as it takes (several per call); returns the amount pushed. An edge whose subtree can
    /// take no more is skipped for the rest of the phase (`current`).
    private func push(from u: Int, limit: Double) -> Double {
        if u == sink { return limit }
        var total = 0.0
        let end = start[u + 1]
        while current[u] < end {
            let e = current[u]
            let v = target[e]
            if residual[e] > tolerance && level[v] == level[u] + 1 {
                let pushed = push(from: v, limit: min(limit - total, residual[e]))
                if pushed > 0 {
                    residual[e] -= pushed
                    residual[reverse[e]] += pushed
                    total += pushed
                    if limit - total <= tolerance { return total }
                }
            }
            current[u] += 1
        }
        return total
    }
}

extension AttentionFlow {
    /// The whole layered graph as a general network: node 0 is the source, node 1 + l · n + j is token j at depth l.
    func makeNetwork(_ maps: AttentionMaps) -> FlowNetwork {
        let n = maps.tokens, depth = maps.layers
        let weights = residualHeadMeans(maps)
        var network = FlowNetwork(nodeCount: 1 + (depth + 1) * n)
        for i in 0..<n where maps.context[i] > 0 {
            network.addEdge(from: 0, to: 1 + depth * n + i, capacity: Double(maps.context[i]))
        }
        for l in 1...depth {
            let base = (l - 1) * n * n
            for i in 0..<n {
                for j in 0..<n {
                    let w = weights[base + i * n + j]
                    if w > 0 { network.addEdge(from: 1 + l * n + i, to: 1 + (l - 1) * n + j, capacity: Double(w)) }
                }
            }
        }
        return network
    }
}
