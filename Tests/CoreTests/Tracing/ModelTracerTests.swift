import Testing
@testable import Core

@Suite struct ModelTracerTests {
    static func tinyModel(objective: Objective = .classification) throws -> SentimentTransformer {
        let c = ModelConfiguration(vocabularySize: 11, modelWidth: 8, layers: 2, heads: 2, keyWidth: 4, valueWidth: 4,
                                   feedForwardWidth: 6, poolingHidden: 5, classifierHidden: 4,
                                   outputs: objective == .classification ? 3 : 1, objective: objective, maxLength: 6)
        return try SentimentTransformer(configuration: c, seed: 3)
    }

    static func input(_ id: String, _ ids: [Int32]) -> TracingInput {
        TracingInput(id: id, tokens: ids.map { "w\($0)" }, ids: ids, label: .classIndex(0))
    }

    @Test func everyMethodScoresEveryToken() throws {
        let tracer = Tracer(model: try Self.tinyModel())
        let records = tracer.trace([Self.input("a", [2, 3, 4]), Self.input("b", [5, 6, 7, 8, 9])])
        #expect(records.map(\.id) == ["a", "b"])
        for record in records {
            #expect(record.attributions.count == 15)  // 6 attention, 6 decomposition, 3 gradient methods
            for (method, attribution) in record.attributions {
                #expect(attribution.scores.count == record.tokens.count, Comment(rawValue: method.rawValue))
                let isFinite = attribution.scores.allSatisfy(\.isFinite)
                #expect(isFinite, Comment(rawValue: method.rawValue))
            }
            let probabilities = try #require(record.probabilities)
            #expect(abs(probabilities.reduce(0, +) - 1) < 1e-5)
        }
    }

    /// The workers only share out the work: with 1, 2 or 3 of them (more workers than batches in the last round,
    /// rounds of two batches with an odd item count) every record is the same to the bit and in input order.
    @Test func recordsDoNotDependOnTheNumberOfWorkers() throws {
        let inputs = (0..<7).map { k in Self.input("s\(k)", (0..<(2 + k % 4)).map { Int32(2 + ($0 + k) % 9) }) }
        func traced(threads: Int) throws -> [TraceRecord] {
            var options = TracingOptions()
            options.threads = threads
            options.batchSize = 2
            return Tracer(model: try Self.tinyModel(), options: options).trace(inputs)
        }
        let one = try traced(threads: 1)
        #expect(one.map(\.id) == inputs.map(\.id))
        for threads in [2, 3] {
            let other = try traced(threads: threads)
            #expect(other == one, "threads \(threads)")
        }
    }

    /// Batching with a longer sentence pads the short one; no score may change.
    @Test func paddingChangesNoScore() throws {
        var options = TracingOptions()
        options.threads = 1
        let tracer = Tracer(model: try Self.tinyModel(), options: options)
        let alone = tracer.trace([Self.input("a", [2, 3, 4])])[0]
        let batched = tracer.trace([Self.input("a", [2, 3, 4]), Self.input("b", [5, 6, 7, 8, 9, 10])])[0]
        for (method, attribution) in alone.attributions {
            let other = try #require(batched.attributions[method])
            for (x, y) in zip(attribution.scores, other.scores) {
                #expect(abs(x - y) <= 1e-5 * max(1, abs(x)), Comment(rawValue: "\(method.rawValue): \(x) vs \(y)"))
            }
        }
        #expect(alone.prediction == batched.prediction)
    }

    /// The LAT trace keeps each head's mass: the input scores sum to H (heads summed, each chain carries α's mass 1).
    @Test func latInputScoresSumToHeadCount() throws {
        let tracer = Tracer(model: try Self.tinyModel())
        let record = tracer.trace([Self.input("a", [2, 3, 4, 5])])[0]
        let lat = try #require(record.attributions[.lat])
        #expect(abs(lat.scores.reduce(0, +) - 2) < 1e-4)
    }

    /// The recorded connections are LAT's: what flows into each token at the input adds up to its LAT score
    /// when every edge is kept (4 tokens → 16 edges per layer).
    @Test func connectionsAddUpToLATsInputScores() throws {
        var options = TracingOptions()
        options.connectionsPerLayer = 16
        let record = Tracer(model: try Self.tinyModel(), options: options).trace([Self.input("a", [2, 3, 4, 5])])[0]
        let lat = try #require(record.attributions[.lat])
        let edges = try #require(record.connections)
        var into = [Float](repeating: 0, count: 4)
        for edge in edges where edge.layer == 1 { into[edge.to] += edge.weight }
        for (a, b) in zip(into, lat.scores) { #expect(abs(a - b) < 1e-4) }
        #expect(Tracer(model: try Self.tinyModel()).trace([Self.input("a", [2, 3, 4, 5])])[0].connections?.count
                == 2 * 8)
    }

    /// Completeness (Σ attributions = F(x) − F(0)) improves as the quadrature is refined. Post-LN layers make
    /// F change steeply near the zero baseline, so few points leave a visible error (RESEARCH.md).
    @Test func integratedGradientsConvergeToCompleteness() throws {
        func error(points: Int) throws -> CompletenessError {
            var options = TracingOptions()
            options.integratedGradients = IntegratedGradients(schedule: .gaussLegendre(points: points))
            let tracer = Tracer(model: try Self.tinyModel(objective: .regression), options: options)
            let record = tracer.trace([Self.input("a", [2, 3, 4, 5])])[0]
            guard case .value = record.prediction else { throw AtlasError(source: "test", message: "not regression") }
            return try #require(record.integratedGradientsError)
        }
        let coarse = try error(points: 8), fine = try error(points: 50), finer = try error(points: 200)
        print("IG completeness error (8, 50, 200 points):", coarse.absolute, fine.absolute, finer.absolute)
        #expect(finer.absolute < fine.absolute)
        #expect(fine.absolute < coarse.absolute)
        #expect(finer.absolute < 0.05 * abs(finer.outputDifference))
    }

    @Test func longTextsAreCutAndFlaggedAndEmptyTextsTraced() throws {
        let tracer = Tracer(model: try Self.tinyModel())
        let records = tracer.trace([Self.input("long", [2, 3, 4, 5, 6, 7, 8, 9]), Self.input("empty", [])])
        #expect(records[0].isTruncated)
        #expect(records[0].tokens.count == 6)
        #expect(!records[1].isTruncated)
        // An empty text goes through the model as one `<unk>` and is recorded with no token and no score.
        #expect(records[1].tokens.isEmpty && !records[1].attributions.isEmpty)
        #expect(records[1].attributions.values.allSatisfy { a in
            a.scores.isEmpty && (a.layers ?? []).allSatisfy(\.isEmpty) && (a.heads ?? []).allSatisfy { $0.allSatisfy(\.isEmpty) }
        })
    }
}
