// PositionalEncoding: the fixed sinusoidal table of Vaswani et al., added to real tokens only.
import Foundation

/// Sinusoidal positions (Vaswani et al. 2017, §3.5), no parameters:
/// ```
/// PE[t, 2i] = sin(t / 10000^(2i/D))    PE[t, 2i+1] = cos(t / 10000^(2i/D))
/// ```
struct PositionalEncoding: Sendable {
    let table: [Float]
    let width: Int
    let maxLength: Int

    init(width: Int, maxLength: Int) {
        self.width = width
        self.maxLength = maxLength
        var table = [Float](repeating: 0, count: width * maxLength)
        for t in 0..<maxLength {
            for i in 0..<width {
                let angle = Double(t) / pow(10_000, Double(i - i % 2) / Double(width))
                table[t * width + i] = Float(i % 2 == 0 ? sin(angle) : cos(angle))
            }
        }
        self.table = table
    }

    /// x [B·T, D] += PE[t] for t < L_b (the gradient passes through unchanged).
    func add(to x: UnsafeMutablePointer<Float>, batch: BatchShape) {
        precondition(batch.length <= maxLength, "length \(batch.length) exceeds max_length \(maxLength)")
        table.withUnsafeBufferPointer { pe in
            for b in 0..<batch.batchSize {
                for t in 0..<batch.lengths[b] {
                    let row = x + (b * batch.length + t) * width, e = pe.baseAddress! + t * width
                    for j in 0..<width { row[j] += e[j] }
                }
            }
        }
    }
}
