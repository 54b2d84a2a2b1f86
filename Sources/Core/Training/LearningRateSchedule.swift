// LearningRateSchedule: linear warm-up, then linear decay to zero at a step or time budget.

/// The learning rate as a function of progress:
/// ```
/// lr(s) = peak · s / warmup                         for s < warmup
/// lr(s) = peak · max(0, 1 − (p − p_w) / (1 − p_w))   afterwards
/// ```
/// where p ∈ [0, 1] is the fraction of the budget used (steps, or seconds for a time budget) and
/// p_w the fraction at the end of warm-up. With `decay == false` the rate stays at `peak`.
public struct LearningRateSchedule: Sendable, Equatable {
    public var peak: Float
    public var warmupSteps: Int
    public var decay: Bool

    public init(peak: Float, warmupSteps: Int = 0, decay: Bool = true) {
        self.peak = peak
        self.warmupSteps = warmupSteps
        self.decay = decay
    }

    /// The rate at `step` (0-based) when `progress` ∈ [0, 1] of the budget is used and warm-up ended
    /// at `warmupProgress`.
    public func rate(step: Int, progress: Double, warmupProgress: Double) -> Float {
        if step < warmupSteps { return peak * Float(step + 1) / Float(warmupSteps) }
        guard decay else { return peak }
        let span = max(1e-12, 1 - warmupProgress)
        return peak * Float(max(0, min(1, 1 - (progress - warmupProgress) / span)))
    }
}
