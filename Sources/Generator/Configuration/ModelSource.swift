// ModelSource: the two forms of a corpus's `model:` entry — `train:` (our architecture) or `load: PATH` (a pretrained folder).
import Foundation

/// Decodes the `train:` and `load:` forms of `model:`; errors carry the coding path, so they get the YAML line.
///
/// - `model: {train: {layers: 2, heads: 4}}` is the same as `model: {layers: 2, heads: 4}` (sizes of our architecture).
/// - `model: {load: corpora/cache/models/all-minilm-l6-v2}` traces that Hugging Face BERT-family folder's frozen
///   encoder with an attention-pooling head trained by the pipeline; only `pooling_hidden` (the head's width) may
///   accompany it, because the architecture comes from the folder's config.json.
enum ModelSource {
    enum Keys: String, CodingKey, CaseIterable { case train, load }

    /// The settings when `model:` uses `train:` or `load:`, nil when it lists sizes directly.
    static func decode(_ decoder: Decoder) throws -> ModelSettings? {
        let keys = try decoder.container(keyedBy: AnyCodingKey.self).allKeys.map(\.stringValue)
        let hasTrain = keys.contains(Keys.train.rawValue), hasLoad = keys.contains(Keys.load.rawValue)
        guard hasTrain || hasLoad else { return nil }
        func refuse(_ key: String, _ message: String) -> DecodingError {
            .dataCorrupted(.init(codingPath: decoder.codingPath + [AnyCodingKey(stringValue: key)], debugDescription: message))
        }
        if hasTrain && hasLoad { throw refuse("load", "use either train: or load:, not both") }
        if hasTrain {
            if let other = keys.first(where: { $0 != Keys.train.rawValue }) {
                throw refuse(other, "the sizes of a trained model go inside train:")
            }
            let c = try decoder.container(keyedBy: Keys.self)
            let settings = try c.decodeIfPresent(ModelSettings.self, forKey: .train) ?? ModelSettings()
            guard settings.load == nil else { throw refuse("train", "load: cannot go inside train:") }
            return settings
        }
        let allowed: Set<String> = [Keys.load.rawValue, ModelSettings.CodingKeys.poolingHidden.rawValue]
        if let other = keys.first(where: { !allowed.contains($0) }) {
            throw refuse(other, "a loaded model's architecture comes from its config.json; only pooling_hidden "
                         + "(the width of the trained head) may accompany load:")
        }
        let c = try decoder.container(keyedBy: ModelSettings.CodingKeys.self)
        let path = try c.decode(String.self, forKey: .load)
        guard !path.trimmingCharacters(in: .whitespaces).isEmpty else { throw refuse("load", "the path is empty") }
        var settings = ModelSettings()
        settings.load = path
        settings.poolingHidden = try c.decodeIfPresent(Int.self, forKey: .poolingHidden)
        return settings
    }
}
