// GradientCheck: central finite differences against an analytic backward, with a readable failure report.
import Testing
@testable import Core

/// Checks analytic gradients of L = Σ_i r_i·y_i (r fixed random weights) against central differences.
///
/// Tolerance: the layers compute in Float32. With step h = 1e-3 and O(1) values, the truncation error
/// of a central difference is O(h²) ≈ 1e-6 (a ReLU kink within h of a sample is the rare exception,
/// which is why h is this small), and Float32 round-off in L (accumulated in Double from Float outputs,
/// relative error ≈ 6e-8 per term, tens of terms) contributes ≈ 1e-7·|L|/h ≈ 1e-4·|L|. A wrong
/// backward is off by O(1) relative, so |analytic − numeric| ≤ 5e-3 + 2e-2·|numeric| separates the two.
struct GradientCheck {
    var step: Float = 1e-3
    var absoluteTolerance: Double = 5e-3
    var relativeTolerance: Double = 2e-2
    /// At most this many coordinates of each array are checked (chosen at random, seeded).
    var samples = 40

    /// `forward(parameters, input) -> output`; `backward(parameters, input, dOutput) -> (dParameters, dInput)`.
    func check(label: String, parameters: [Float], input: [Float],
               forward: ([Float], [Float]) -> [Float],
               backward: ([Float], [Float], [Float]) -> (parameters: [Float], input: [Float]),
               checkInput: Bool = true, skipNaN: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) {
        let output = forward(parameters, input)
        var rng = SplitMix64(seed: 99)
        let weights = output.map { _ in rng.nextUnitFloat() * 2 - 1 }
        func loss(_ p: [Float], _ x: [Float]) -> Double {
            zip(forward(p, x), weights).reduce(0.0) { $0 + Double($1.0) * Double($1.1) }
        }
        let (dParameters, dInput) = backward(parameters, input, weights)
        #expect(dParameters.count == parameters.count, "\(label): parameter gradient count", sourceLocation: sourceLocation)
        #expect(dInput.count == input.count || !checkInput, "\(label): input gradient count", sourceLocation: sourceLocation)
        var failures: [String] = []
        func compare(_ name: String, _ values: [Float], _ analytic: [Float], perturb: ([Float]) -> Double) {
            var indices = Array(values.indices)
            indices.shuffle(using: &rng)
            for i in indices.prefix(samples) where !(skipNaN && analytic[i].isNaN) {
                var plus = values, minus = values
                plus[i] += step
                minus[i] -= step
                let numeric = (perturb(plus) - perturb(minus)) / Double(2 * step)
                let error = abs(Double(analytic[i]) - numeric)
                if error > absoluteTolerance + relativeTolerance * abs(numeric) {
                    failures.append("\(label) \(name)[\(i)]: expected \(numeric), observed \(analytic[i]), "
                                    + "absolute error \(error), relative \(error / max(1e-12, abs(numeric)))")
                }
            }
        }
        compare("parameters", parameters, dParameters) { loss($0, input) }
        if checkInput { compare("input", input, dInput) { loss(parameters, $0) } }
        #expect(failures.isEmpty, "\(failures.prefix(8).joined(separator: "\n"))", sourceLocation: sourceLocation)
    }
}

/// Uniform values in ±scale.
func randomValues(_ count: Int, scale: Float = 1, seed: UInt64) -> [Float] {
    var rng = SplitMix64(seed: seed)
    return (0..<count).map { _ in (rng.nextUnitFloat() * 2 - 1) * scale }
}

/// Runs `body` with mutable pointers to copies of the arrays and returns the copies.
func withPointers(_ a: [Float], _ b: [Float], _ body: (UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>) -> Void)
    -> ([Float], [Float]) {
    var a = a, b = b
    a.withUnsafeMutableBufferPointer { pa in
        b.withUnsafeMutableBufferPointer { pb in body(pa.baseAddress!, pb.baseAddress!) }
    }
    return (a, b)
}
