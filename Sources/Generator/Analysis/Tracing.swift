// Tracing: a trained model + a split of its dataset → one TraceRecord per example (every method).
import Core
import Foundation

enum Tracing {
    /// The examples of the corpus's traced split (capped by `max_examples`, first N in corpus order).
    static func examples(_ corpus: CorpusSettings, dataset: TaskDataset) -> [CorpusExample] {
        let all = dataset.split(corpus.split)
        return corpus.maxExamples.map { Array(all.prefix($0)) } ?? all
    }

    static func options(_ corpus: CorpusSettings, threads: Int) -> TracingOptions {
        var options = TracingOptions()
        options.threads = threads
        // Gauss–Legendre nodes crowd near both ends of the path, where post-LN models change fastest; the
        // tolerance refines (doubles the nodes) on the few sentences still above 5 % completeness error.
        options.integratedGradients = IntegratedGradients(schedule: .gaussLegendre(points: corpus.integratedGradientsSteps),
                                                          relativeTolerance: 0.05,
                                                          maximumSteps: 4 * corpus.integratedGradientsSteps)
        return corpus.methods.map { options.keepingOnly(Set($0)) } ?? options
    }
}

extension Tracer {
    /// `trace(_:shard:)` counted on a build's meter: the shard's inputs added to its total, then advanced as they finish.
    func trace(_ inputs: [Model.Example], shard: Shard, progress: ProgressMeter) -> ShardTrace {
        progress.addToTotal(shardBatches(inputs, shard: shard).reduce(0) { $0 + $1.count })
        return trace(inputs, shard: shard) { progress.advance(by: $0) }
    }
}

extension TraceTarget {
    init(_ target: TrainingTarget) {
        switch target {
        case .classIndex(let c): self = .classIndex(c)
        case .value(let v): self = .value(Double(v))
        }
    }
}
