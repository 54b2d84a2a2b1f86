// Step: one named stage of a build (data, train, trace, validate, render, check) over a shared context.
import Core

/// A stage of the build. Steps share state only through `Context` (Publish's PublishingStep, as a protocol
/// so that each step carries its own options, cache key and tests).
public protocol Step<Context>: Sendable {
    associatedtype Context
    /// Shown as `[i/n] name` and used by `--force name`.
    var name: String { get }
    /// The identity of the step's inputs; nil = always run. An unchanged key lets the runner skip `run`
    /// and call `restore` instead.
    func cacheKey(_ context: Context) throws -> CacheKey?
    /// Does the work; reports counted items through `progress`.
    func run(_ context: inout Context, progress: ProgressMeter) throws
    /// Fills the context from the step's cached results when `run` is skipped.
    func restore(_ context: inout Context) throws
}

extension Step {
    public func restore(_ context: inout Context) throws {}
}

/// A step failed: which step, and the error it threw. An `AtlasError` gets its `step` filled in.
public struct PipelineError: Error, CustomStringConvertible {
    public var step: String
    public var underlying: any Error

    public init(step: String, underlying: any Error) {
        self.step = step
        if var atlas = underlying as? AtlasError {
            atlas.step = step
            self.underlying = atlas
        } else {
            self.underlying = underlying
        }
    }

    public var description: String {
        if let atlas = underlying as? AtlasError { return atlas.description }
        return "[\(step)] \(underlying)"
    }
}
