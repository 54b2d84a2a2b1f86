// LengthBucketingBatcherTests: every example once per epoch, similar lengths together, seeded order.
import Testing
@testable import Core

@Suite struct LengthBucketingBatcherTests {
    @Test func coversEveryExampleWithLittlePadding() {
        var rng = SplitMix64(seed: 1)
        let lengths = (0..<1000).map { _ in 1 + Int(rng.next() % 50) }
        let batcher = LengthBucketingBatcher(batchSize: 32, chunkBatches: 10)
        var epochRNG = SplitMix64(seed: 2)
        let batches = batcher.epoch(lengths: lengths, rng: &epochRNG)
        #expect(batches.flatMap { $0 }.sorted() == Array(0..<1000))
        let padded = batches.map { b in b.count * b.map { lengths[$0] }.max()! }.reduce(0, +)
        let real = lengths.reduce(0, +)
        // Uniform lengths 1…50 in random batches of 32 pad to ≈ 1.9×; sorted chunks of 320 to ≈ 1.1×.
        #expect(Double(padded) / Double(real) < 1.15, "padding overhead \(Double(padded) / Double(real))")
        var again = SplitMix64(seed: 2)
        #expect(batcher.epoch(lengths: lengths, rng: &again) == batches, "same seed, same batches")
        var other = SplitMix64(seed: 3)
        #expect(batcher.epoch(lengths: lengths, rng: &other) != batches)
    }

    @Test func makesPaddedBatchesCutToMaxLength() {
        let examples = [TrainingExample(ids: [1, 2, 3, 4], target: .classIndex(1)),
                        TrainingExample(ids: [5], target: .classIndex(0))]
        let batcher = LengthBucketingBatcher(batchSize: 2, maxLength: 3)
        let (batch, targets) = batcher.makeBatch(examples, indices: [0, 1])
        #expect(batch.ids == [1, 2, 3, 5, 0, 0] && batch.lengths == [3, 1] && batch.length == 3)
        #expect(targets == [.classIndex(1), .classIndex(0)])
    }
}
