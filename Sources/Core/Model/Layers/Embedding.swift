// Embedding: token ids → rows of a table (optionally a narrower pretrained table plus a learned projection).

/// Token embedding. Id 0 is padding: its row starts at zero and never receives gradient.
/// ```
/// e[n] = E[id_n]            (E: [vocabulary, E_w])
/// y[n] = e[n]·Pᵀ + p        (only with a projection E_w → D, e.g. GloVe 50 → 300)
/// dE[id_n] += de[n]  for id_n ≠ 0
/// ```
struct Embedding: Sendable {
    let vocabularySize: Int
    let width: Int
    let table: Int
    let projection: Linear?

    init(_ name: String, vocabularySize: Int, width: Int, modelWidth: Int, layout: inout ParameterLayout) {
        self.vocabularySize = vocabularySize
        self.width = width
        table = layout.add(name + ".weight", [vocabularySize, width])
        projection = width == modelWidth
            ? nil : Linear(name + ".projection", input: width, output: modelWidth, layout: &layout)
    }

    /// Table rows N(0, 1) (PyTorch's default) except the zero padding row.
    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        for i in width..<(vocabularySize * width) { p[table + i] = rng.nextNormal() }
        (p + table).update(repeating: 0, count: width)
        projection?.initialize(p, rng: &rng)
    }

    /// ids [rows] → lookup [rows, E_w]; with a projection, y [rows, D] = projected lookup
    /// (without one, pass the same buffer as `lookup` and `y`).
    func forward(_ ids: UnsafePointer<Int32>, rows: Int, parameters p: UnsafePointer<Float>,
                 lookup: UnsafeMutablePointer<Float>, into y: UnsafeMutablePointer<Float>) {
        for n in 0..<rows {
            let id = Int(ids[n])
            precondition(id >= 0 && id < vocabularySize, "token id \(id) outside vocabulary of \(vocabularySize)")
            (lookup + n * width).update(from: p + table + id * width, count: width)
        }
        projection?.forward(lookup, rows: rows, parameters: p, into: y)
    }

    /// dy [rows, D] → table (and projection) gradients accumulated into g. `dLookup` [rows, E_w] is work
    /// space when there is a projection.
    func backward(_ dy: UnsafePointer<Float>, ids: UnsafePointer<Int32>, rows: Int, parameters p: UnsafePointer<Float>,
                  gradients g: UnsafeMutablePointer<Float>, lookup: UnsafePointer<Float>,
                  dLookup: UnsafeMutablePointer<Float>) {
        var source = dy
        if let projection {
            projection.backward(dy, x: lookup, rows: rows, parameters: p, gradients: g, dx: dLookup)
            source = UnsafePointer(dLookup)
        }
        for n in 0..<rows where ids[n] != 0 {
            let row = g + table + Int(ids[n]) * width, d = source + n * width
            for j in 0..<width { row[j] += d[j] }
        }
    }
}
