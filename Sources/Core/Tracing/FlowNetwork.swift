// FlowNetwork: a directed graph with real capacities and an exact maximum flow (Dinic's algorithm).

/// A flow network with `Double` capacities and Dinic's maximum-flow algorithm.
///
/// Dinic (1970): repeat { BFS levels from the source over edges with residual > ε; push a
/// blocking flow by DFS along strictly increasing levels }. O(V² E) in general, and fast on the shallow layered graphs of attention flow
/// (depth L + 2). Exact up to floating-point rounding: residuals below `tolerance` count as
/// saturated, so the loop always terminates.
///
/// Edges are stored in pairs (edge e and its reverse e ^ 1), so `maximumFlow` can be called for
/// several source/sink pairs on the same network; every call starts from zero flow.
public struct FlowNetwork: Sendable {
    public let nodeCount: Int
    private var firstEdge: [Int]
    private var target: [Int] = []
    private var nextEdge: [Int] = []
    private var capacity: [Double] = []

    public init(nodeCount: Int) {
        self.nodeCount = nodeCount
        firstEdge = [Int](repeating: -1, count: nodeCount)
    }

    /// Adds the edge `from → to` with `capacity` ≥ 0 (and its zero-capacity reverse).
    public mutating func addEdge(from: Int, to: Int, capacity c: Double) {
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
    public func maximumFlow(from source: Int, to sink: Int, tolerance: Double = 1e-12) -> Double {
        if source == sink { return 0 }
        var search = Search(network: self, sink: sink, tolerance: tolerance)
        var total = 0.0
        while search.buildLevels(from: source) {
            search.current = firstEdge
            while true {
                let pushed = search.push(from: source, limit: .infinity)
                if pushed <= tolerance { break }
                total += pushed
            }
        }
        return total
    }

    /// Mutable state of one maximum-flow computation (residuals, BFS levels, DFS edge pointers).
    private struct Search {
        let target: [Int], nextEdge: [Int], firstEdge: [Int]
        var residual: [Double]
        var level: [Int]
        var current: [Int]
        var queue: [Int]
        let sink: Int, tolerance: Double

        init(network: FlowNetwork, sink: Int, tolerance: Double) {
            target = network.target
            nextEdge = network.nextEdge
            firstEdge = network.firstEdge
            residual = network.capacity
            level = [Int](repeating: -1, count: network.nodeCount)
            current = network.firstEdge
            queue = []
            queue.reserveCapacity(network.nodeCount)
            self.sink = sink
            self.tolerance = tolerance
        }

        /// BFS over edges with residual > tolerance; true when the sink is reachable.
        mutating func buildLevels(from source: Int) -> Bool {
            for k in level.indices { level[k] = -1 }
            queue.removeAll(keepingCapacity: true)
            level[source] = 0
            queue.append(source)
            var head = 0
            while head < queue.count {
                let u = queue[head]
                head += 1
                // Nodes at the sink's level or beyond cannot lie on a shortest augmenting path;
                // leaving them unlabelled keeps the DFS out of dead ends (here: the layers below the sink).
                if level[sink] >= 0 && level[u] >= level[sink] { break }
                var e = firstEdge[u]
                while e >= 0 {
                    let v = target[e]
                    if level[v] < 0 && residual[e] > tolerance {
                        level[v] = level[u] + 1
                        queue.append(v)
                    }
                    e = nextEdge[e]
                }
            }
            return level[sink] >= 0
        }

        /// Pushes up to `limit` from `u` towards the sink along edges to the next level, over as many
        /// paths as it takes (several per call); returns the amount pushed. An edge whose subtree can
        /// take no more is skipped for the rest of the phase (`current`).
        mutating func push(from u: Int, limit: Double) -> Double {
            if u == sink { return limit }
            var total = 0.0
            while current[u] >= 0 {
                let e = current[u]
                let v = target[e]
                if residual[e] > tolerance && level[v] == level[u] + 1 {
                    let pushed = push(from: v, limit: min(limit - total, residual[e]))
                    if pushed > 0 {
                        residual[e] -= pushed
                        residual[e ^ 1] += pushed
                        total += pushed
                        if limit - total <= tolerance { return total }
                    }
                }
                current[u] = nextEdge[e]
            }
            return total
        }
    }
}
