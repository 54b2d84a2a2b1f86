// Classifier: the small MLP head D → hidden → ReLU → dropout → outputs, with its backward.

/// The prediction head on the pooled vector:
/// ```
/// z = ReLU(pooled·W₁ᵀ + b₁)   [B, Hc]      z' = Dropout(z)      y = shift + scale · (z'·W₂ᵀ + b₂)   [B, C]
/// ```
/// `shift` and `scale` are fixed (not trained): a regression head predicts standardised targets and reports them
/// in the targets' own units (`target_mean`, `target_scale` of the configuration); classification uses 0 and 1.
struct Classifier: Sendable {
    let hidden: Linear
    let output: Linear
    let dropout: Dropout
    let shift: Float
    let scale: Float

    struct Cache {
        /// [B, Hc] ReLU output, dropout mask, dropped activations; [B, C] outputs.
        var activations, mask, dropped, outputs: UnsafeMutablePointer<Float>
    }

    init(_ name: String, modelWidth: Int, hiddenWidth: Int, outputs: Int, dropout: Float, shift: Float = 0,
         scale: Float = 1, layout: inout ParameterLayout) {
        hidden = Linear(name + ".hidden", input: modelWidth, output: hiddenWidth, layout: &layout)
        output = Linear(name + ".output", input: hiddenWidth, output: outputs, layout: &layout)
        self.dropout = Dropout(probability: dropout)
        self.shift = shift
        self.scale = scale
    }

    var isAffine: Bool { shift != 0 || scale != 1 }

    func initialize(_ p: UnsafeMutablePointer<Float>, rng: inout SplitMix64) {
        hidden.initialize(p, rng: &rng)
        output.initialize(p, rng: &rng)
    }

    /// pooled [B, D] → cache.outputs [B, C].
    func forward(_ pooled: UnsafePointer<Float>, batchSize: Int, parameters p: UnsafePointer<Float>, cache c: Cache,
                 training: Bool, rng: inout SplitMix64) {
        let count = batchSize * hidden.output
        hidden.forward(pooled, rows: batchSize, parameters: p, into: c.activations)
        relu(c.activations, count: count)
        var used = UnsafePointer(c.activations)
        if training && dropout.probability > 0 {
            dropout.makeMask(c.mask, count: count, rng: &rng)
            dropout.forward(c.activations, mask: c.mask, count: count, into: c.dropped)
            used = UnsafePointer(c.dropped)
        }
        output.forward(used, rows: batchSize, parameters: p, into: c.outputs)
        if isAffine {
            for i in 0..<(batchSize * output.output) { c.outputs[i] = shift + scale * c.outputs[i] }
        }
    }

    /// dOutputs [B, C] → dPooled [B, D] (overwritten); `dActivations` [B, Hc] is work space.
    func backward(_ dOutputs: UnsafePointer<Float>, pooled: UnsafePointer<Float>, batchSize: Int,
                  parameters p: UnsafePointer<Float>, gradients g: UnsafeMutablePointer<Float>?, cache c: Cache,
                  training: Bool, dActivations: UnsafeMutablePointer<Float>, dPooled: UnsafeMutablePointer<Float>) {
        let count = batchSize * hidden.output
        let useDropout = training && dropout.probability > 0
        // y = shift + scale · u: du = scale · dy.
        let scaled = (0..<(batchSize * output.output)).map { scale * dOutputs[$0] }
        scaled.withUnsafeBufferPointer {
            output.backward($0.baseAddress!, x: useDropout ? c.dropped : c.activations, rows: batchSize,
                            parameters: p, gradients: g, dx: dActivations)
        }
        if useDropout { dropout.backward(dActivations, mask: c.mask, count: count, dx: dActivations) }
        reluBackward(dActivations, output: c.activations, count: count)
        hidden.backward(dActivations, x: pooled, rows: batchSize, parameters: p, gradients: g, dx: dPooled)
    }
}
