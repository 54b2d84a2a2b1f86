// TrainableModel: what `Trainer` needs of a model — one training batch's loss and gradients, an optimiser step,
// its parameters to keep and restore, and a dev evaluation. The from-scratch transformer and the fine-tuned BERT
// classifier both train through the one loop.

public protocol TrainableModel {
    /// The optimiser state this model's parameters need (one `Adam`, or one per parameter arena).
    associatedtype Optimiser

    /// Threads for the model's own loops and the optimiser.
    var threads: Int { get set }
    /// Sequences are cut to this many tokens.
    var maximumLength: Int { get }

    /// The optimiser `options` ask for, over this model's parameters.
    func makeOptimiser(_ options: TrainingOptions) -> Optimiser
    /// Allocates what batches up to this shape need now, so training never grows it mid-run.
    mutating func reserve(batchSize: Int, length: Int)
    /// Sets every gradient to zero.
    mutating func zeroGradients()
    /// Forward with dropout (masks from `rng`), loss and backward for one batch: gradients ACCUMULATE. Returns the
    /// mean loss.
    mutating func trainingLoss(batch: TokenBatch, targets: [TrainingTarget], rng: inout SplitMix64) -> Float
    /// The global L2 norm of every gradient.
    mutating func gradientNorm(threads: Int) -> Float
    /// One optimiser step at `learningRate` with every gradient scaled by `gradientScale` first; leaves the
    /// gradients zero.
    mutating func update(_ optimiser: inout Optimiser, learningRate: Float, gradientScale: Float, threads: Int)
    /// A copy of every parameter, for `restore`.
    var parameterValues: [Float] { get }
    /// Puts back parameters from `parameterValues` and zeroes the gradients.
    mutating func restore(_ values: [Float])
    /// Loss and metrics on `examples` (evaluation mode).
    mutating func evaluate(_ examples: [TrainingExample], batchSize: Int) -> EvaluationResult
}
