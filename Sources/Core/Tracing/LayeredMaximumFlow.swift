// LayeredMaximumFlow: exact maximum flows into the nodes of a layered graph with dense layers (Dinic's
// algorithm on matrices), the solver behind attention flow.

/// Maximum flows from a source into single nodes of a layered graph: source → (L, i) with capacity
/// `supply[i]`; (d, i) → (d − 1, k) with capacity `capacities[(d − 1) · n² + i · n + k]`, d = L … 1.
///
/// The same algorithm as `FlowNetwork` (Dinic: BFS levels over residual arcs, then a blocking flow by
/// DFS with current-arc pointers, until the sink is unreachable), specialised in three ways that change
/// the work, not the answer:
/// - **Only the part of the graph that can carry flow into the sink.** A flow into (l, j) never uses a
///   node below depth l, nor another node of depth l: such a node has no way back up except reverse
///   arcs, which carry residual only where flow already went, and no flow goes where it cannot reach the
///   sink. So the solver keeps depths L … l + 1 and one arc per node of depth l + 1 into the sink.
/// - **Dense layers.** Flows are n × n matrices per layer, a node's forward arcs are a row and its
///   reverse arcs a column: no edge lists, no reverse-edge indices, and a reset is one zero fill.
/// - **No work that cannot change the answer.** A phase stops searching arcs into a layer that holds no
///   node of the next BFS level (in the first phase, all reverse arcs); and the loop ends as soon as the
///   flow reaches min(total supply, capacity into the sink), since no flow can exceed it: 92 % of the
///   sinks of the benchmark's graphs end so, without the last BFS that would otherwise prove it.
///
/// Into depth L − 1 every path is source → (L, i) → sink, disjoint, so the flow is Σ_i min(supply_i,
/// capacity_ij): what Dinic finds in its first phase, computed directly.
///
/// `Tests/CoreTests/Tracing/FlowNetwork.swift` keeps the general edge-list Dinic as the reference this
/// solver is tested against, sink by sink.
final class LayeredMaximumFlow {
    let width: Int, depth: Int, tolerance: Double
    private let supply: UnsafeMutablePointer<Double>      // n
    private let supplyTotal: Double                       // Σ supply: a bound on every sink's flow
    private let capacity: UnsafeMutablePointer<Double>    // L · n²; layer d − 1 holds the arcs out of depth d
    private let flow: UnsafeMutablePointer<Double>        // (L − 1) · n²; t-th block: arcs out of depth L − t
    private let supplied: UnsafeMutablePointer<Double>    // n: flow on source → (L, i)
    private let drained: UnsafeMutablePointer<Double>     // n: flow on (l + 1, k) → sink
    private let level: UnsafeMutablePointer<Int>          // L · n; node t · n + i is token i at depth L − t
    private let current: UnsafeMutablePointer<Int>        // L · n: the next arc to try in this phase
    private let queue: UnsafeMutablePointer<Int>          // L · n
    // Per node layer, the lowest and highest BFS level in it: a block of arcs into a layer without a node
    // at the next level is skipped whole (in the first phase every reverse arc block).
    private let lowestLevel: UnsafeMutablePointer<Int>    // L
    private let highestLevel: UnsafeMutablePointer<Int>   // L
    // The sink of the running solve.
    private var sinkLayers = 0, sinkLevel = -1
    private var sinkBase = 0  // offset of the capacities into the sink: layer l, the sink token's column

    /// `capacities`: L · n² values in the order above; values ≤ 0 mean no arc.
    init(width n: Int, supply: [Float], capacities: [Float], tolerance: Double = 1e-12) {
        precondition(supply.count == n && capacities.count % max(n * n, 1) == 0, "layered graph of width \(n)")
        width = n
        depth = n == 0 ? 0 : capacities.count / (n * n)
        self.tolerance = tolerance
        self.supply = .allocate(capacity: max(n, 1))
        capacity = .allocate(capacity: max(capacities.count, 1))
        flow = .allocate(capacity: max((depth - 1) * n * n, 1))
        supplied = .allocate(capacity: max(n, 1))
        drained = .allocate(capacity: max(n, 1))
        level = .allocate(capacity: max(depth * n, 1))
        current = .allocate(capacity: max(depth * n, 1))
        queue = .allocate(capacity: max(depth * n, 1))
        lowestLevel = .allocate(capacity: max(depth, 1))
        highestLevel = .allocate(capacity: max(depth, 1))
        for i in 0..<n { self.supply[i] = Double(max(supply[i], 0)) }
        var total = 0.0
        for i in 0..<n { total += self.supply[i] }
        supplyTotal = total
        for e in 0..<capacities.count { capacity[e] = Double(max(capacities[e], 0)) }
    }

    deinit {
        for pointer in [supply, capacity, flow, supplied, drained] { pointer.deallocate() }
        for pointer in [level, current, queue, lowestLevel, highestLevel] { pointer.deallocate() }
    }

    /// The maximum flow from the source into token `token` at depth `layer` (0 ≤ layer < L).
    func maximumFlow(toLayer layer: Int, token: Int) -> Double {
        precondition(layer >= 0 && layer < depth && token >= 0 && token < width, "sink (\(layer), \(token))")
        let n = width
        sinkBase = layer * n * n + token
        if layer == depth - 1 {
            var total = 0.0
            for i in 0..<n { total += min(supply[i], capacity[sinkBase + i * n]) }
            return total
        }
        sinkLayers = depth - layer  // node layers t = 0 … sinkLayers − 1, the last one feeding the sink
        flow.update(repeating: 0, count: (sinkLayers - 1) * n * n)
        supplied.update(repeating: 0, count: n)
        drained.update(repeating: 0, count: n)
        var total = 0.0
        var intoSink = 0.0
        for i in 0..<n { intoSink += capacity[sinkBase + i * n] }
        let bound = min(intoSink, supplyTotal)
        while buildLevels(anyFlow: total > 0) {
            for u in 0..<(sinkLayers * n) { current[u] = 0 }
            for i in 0..<n where level[i] == 1 {
                let residual = supply[i] - supplied[i]
                guard residual > tolerance else { continue }
                let pushed = push(layer: 0, token: i, limit: residual)
                supplied[i] += pushed
                total += pushed
            }
            // No flow exceeds the supply or the capacity into the sink; at that bound the flow is maximal
            // and the last BFS, the one that would prove it, can be skipped (most sinks end so).
            if bound - total <= tolerance { break }
        }
        return total
    }

    /// Capacity of the forward arc from node (t, i) to (t + 1, k), t + 1 < sinkLayers.
    @inline(__always) private func forwardCapacity(_ t: Int, _ i: Int, _ k: Int) -> Double {
        capacity[(depth - t - 1) * width * width + i * width + k]
    }

    /// BFS from the source over arcs with residual > tolerance; true when the sink is reachable.
    private func buildLevels(anyFlow: Bool) -> Bool {
        let n = width, nodes = sinkLayers * n
        for u in 0..<nodes { level[u] = -1 }
        sinkLevel = -1
        var tail = 0
        for i in 0..<n where supply[i] - supplied[i] > tolerance {
            level[i] = 1
            queue[tail] = i
            tail += 1
        }
        var head = 0
        while head < tail {
            let u = queue[head]
            head += 1
            // Nodes at the sink's level cannot lie on a shortest augmenting path.
            if sinkLevel >= 0 && level[u] >= sinkLevel { break }
            let t = u / n, i = u % n, next = level[u] + 1
            if t == sinkLayers - 1 {
                if sinkLevel < 0 && capacity[sinkBase + i * n] - drained[i] > tolerance { sinkLevel = next }
            } else {
                let f = flow + t * n * n + i * n
                for k in 0..<n where level[u + n - i + k] < 0 && forwardCapacity(t, i, k) - f[k] > tolerance {
                    level[u + n - i + k] = next
                    queue[tail] = u + n - i + k
                    tail += 1
                }
            }
            if t > 0 && anyFlow {  // reverse arcs carry residual only where flow went
                let f = flow + (t - 1) * n * n + i
                for k in 0..<n where level[(t - 1) * n + k] < 0 && f[k * n] > tolerance {
                    level[(t - 1) * n + k] = next
                    queue[tail] = (t - 1) * n + k
                    tail += 1
                }
            }
        }
        for t in 0..<sinkLayers {
            var low = Int.max, high = -1
            for i in 0..<n where level[t * n + i] >= 0 {
                low = min(low, level[t * n + i])
                high = max(high, level[t * n + i])
            }
            lowestLevel[t] = low
            highestLevel[t] = high
        }
        return sinkLevel >= 0
    }

    /// Pushes up to `limit` from node (t, i) towards the sink along arcs to the next level, over as many
    /// paths as it takes; returns the amount pushed. Arcs are numbered forward first (to the n nodes of
    /// the next layer, or the one arc into the sink), then reverse (from the n nodes of the layer above);
    /// an arc that can take no more is skipped for the rest of the phase.
    private func push(layer t: Int, token i: Int, limit: Double) -> Double {
        let n = width, u = t * n + i, next = level[u] + 1
        let last = t == sinkLayers - 1
        let forwardArcs = last ? 1 : n
        func reaches(_ layer: Int) -> Bool { lowestLevel[layer] <= next && next <= highestLevel[layer] }
        let forwardUseful = last ? sinkLevel == next : reaches(t + 1)
        let arcs = t > 0 && reaches(t - 1) ? forwardArcs + n : forwardArcs
        if !forwardUseful && current[u] < forwardArcs { current[u] = forwardArcs }
        var total = 0.0
        while current[u] < arcs {
            let a = current[u]
            if a < forwardArcs {
                if last {
                    let residual = capacity[sinkBase + i * n] - drained[i]
                    if residual > tolerance && sinkLevel == next {
                        let pushed = min(limit - total, residual)
                        drained[i] += pushed
                        total += pushed
                        if limit - total <= tolerance { return total }
                    }
                } else {
                    let e = t * n * n + i * n + a
                    let residual = forwardCapacity(t, i, a) - flow[e]
                    if residual > tolerance && level[u + n - i + a] == next {
                        let pushed = push(layer: t + 1, token: a, limit: min(limit - total, residual))
                        if pushed > 0 {
                            flow[e] += pushed
                            total += pushed
                            if limit - total <= tolerance { return total }
                        }
                    }
                }
            } else {
                let k = a - forwardArcs
                let e = (t - 1) * n * n + k * n + i
                if flow[e] > tolerance && level[(t - 1) * n + k] == next {
                    let pushed = push(layer: t - 1, token: k, limit: min(limit - total, flow[e]))
                    if pushed > 0 {
                        flow[e] -= pushed
                        total += pushed
                        if limit - total <= tolerance { return total }
                    }
                }
            }
            current[u] += 1
        }
        return total
    }
}
