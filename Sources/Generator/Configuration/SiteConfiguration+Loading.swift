// SiteConfiguration+Loading: YAML text → a validated configuration, with errors that point at the line and column.
import Core
import Foundation
import Yams

extension SiteConfiguration {
    /// Parses and validates a configuration. `source` is the file name used in error messages.
    static func parse(yaml: String, source: String) throws -> SiteConfiguration {
        let configuration: SiteConfiguration
        do {
            if yaml.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                configuration = SiteConfiguration()
            } else {
                configuration = try YAMLDecoder().decode(SiteConfiguration.self, from: yaml)
            }
        } catch let error as YamlError {
            throw Self.syntaxError(error, yaml: yaml, source: source)
        } catch DecodingError.dataCorrupted(let context) where context.underlyingError is YamlError {
            // YAMLDecoder wraps the parser's error ("The given data was not valid YAML.").
            throw Self.syntaxError(context.underlyingError as! YamlError, yaml: yaml, source: source)
        } catch let error as DecodingError {
            throw Self.atlasError(error, yaml: yaml, source: source)
        }
        do { try configuration.validate(source: source) } catch let error as AtlasError {
            throw Self.located(error, yaml: yaml)
        }
        return configuration
    }

    /// A `validate` error ("corpora[0].labels: …") with the line and column of the field it names, and that line.
    private static func located(_ error: AtlasError, yaml: String) -> AtlasError {
        guard error.line == nil, let colon = error.message.range(of: ": ") else { return error }
        var path: [CodingKey] = []
        for part in error.message[..<colon.lowerBound].split(separator: ".") {
            let name = part.prefix { $0 != "[" }
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { return error }
            path.append(AnyCodingKey(stringValue: String(name)))
            for index in part.dropFirst(name.count).split(separator: "]") {
                guard index.hasPrefix("["), let i = Int(index.dropFirst()) else { return error }
                path.append(IndexKey(intValue: i))
            }
        }
        guard let position = Self.position(of: path, in: yaml) else { return error }
        var located = error
        located.line = position.line
        located.column = position.column
        located.excerpt = Self.excerpt(line: position.line, of: yaml)
        return located
    }

    /// A list index as a coding key (the path of `corpora[2]`).
    private struct IndexKey: CodingKey {
        var intValue: Int?
        var stringValue: String { "\(intValue ?? 0)" }
        init(intValue: Int) { self.intValue = intValue }
        init?(stringValue: String) { nil }
    }

    /// Reads a configuration file; a missing file is an error naming the path.
    static func load(path: String) throws -> SiteConfiguration {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AtlasError(source: path, message: "configuration file not found",
                             hint: "pass --config with an existing YAML file, or leave it out for the defaults")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw AtlasError(source: path, message: "configuration file is not valid UTF-8")
        }
        var configuration = try parse(yaml: text, source: path)
        // A user corpus's paths are relative to the configuration file's folder.
        let folder = (path as NSString).deletingLastPathComponent
        for i in configuration.corpora.indices { configuration.corpora[i].data?.baseDirectory = folder.isEmpty ? "." : folder }
        for i in configuration.validation.lexicons.indices { configuration.validation.lexicons[i].baseDirectory = folder.isEmpty ? "." : folder }
        return configuration
    }

    /// Checks that involve several fields or ranges, naming the field at fault.
    func validate(source: String) throws {
        func fail(_ field: String, _ message: String) -> AtlasError {
            AtlasError(source: source, line: nil, message: "\(field): \(message)")
        }
        guard !corpora.isEmpty else { throw fail("corpora", "at least one corpus is needed") }
        var seen = Set<String>()
        for (i, corpus) in corpora.enumerated() {
            let at = "corpora[\(i)]"
            guard !corpus.id.isEmpty, corpus.id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw fail("\(at).id", "'\(corpus.id)' must be letters, digits, '-' or '_'")
            }
            guard seen.insert(corpus.id).inserted else { throw fail("\(at).id", "'\(corpus.id)' is used twice") }
            guard ["train", "dev", "test"].contains(corpus.split) else {
                throw fail("\(at).split", "'\(corpus.split)' is not one of train, dev, test")
            }
            if corpus.task.isUserCorpus || corpus.data != nil {
                guard let data = corpus.data else {
                    throw fail("\(at)", "task \(corpus.task.rawValue) needs its data: format: and files: (or file: with split_field:)")
                }
                if let problem = data.problem(task: corpus.task) { throw fail("\(at).\(problem.field)", problem.message) }
                if corpus.model.load != nil, corpus.task == .regression {
                    throw fail("\(at).model.load", "the head trained on a loaded encoder is a classifier; use task classification")
                }
            }
            let t = corpus.training
            guard t.epochs > 0 else { throw fail("\(at).training.epochs", "must be positive") }
            if let minutes = t.minutes, minutes <= 0 { throw fail("\(at).training.minutes", "must be positive") }
            guard t.batchSize >= 1 else { throw fail("\(at).training.batch_size", "must be at least 1") }
            guard t.learningRate > 0 else { throw fail("\(at).training.learning_rate", "must be positive") }
            guard t.clipNorm > 0 else { throw fail("\(at).training.clip_norm", "must be positive") }
            guard t.wordDropout >= 0 && t.wordDropout < 1 else {
                throw fail("\(at).training.word_dropout", "must be in [0, 1)")
            }
            if let n = corpus.maxExamples, n < 1 { throw fail("\(at).max_examples", "must be at least 1") }
            guard corpus.integratedGradientsSteps >= 1 else { throw fail("\(at).ig_steps", "must be at least 1") }
            if let positional = corpus.model.positional, !["none", "sinusoidal"].contains(positional) {
                throw fail("\(at).model.positional", "'\(positional)' is not one of none, sinusoidal")
            }
            if let problem = corpus.narrative?.problem(task: corpus.task) { throw fail("\(at).narrative\(problem.field)", problem.message) }
            if corpus.model.load != nil, corpus.task.isRegression {
                throw fail("\(at).model.load", "the head trained on a loaded encoder is a classifier; use task sst5, sst2 or classification")
            }
            if corpus.task == .emobankValence, t.phrases {
                throw fail("\(at).training.phrases", "EmoBank has no phrase labels; set phrases: false")
            }
            if let n = corpus.model.gloveWords {
                guard n >= 0 else { throw fail("\(at).model.glove_words", "must be at least 0") }
                guard n == 0 || corpus.model.glove == true else {
                    throw fail("\(at).model.glove_words", "needs glove: true")
                }
            }
            // Impossible model sizes (zero layers or heads, dropout 1, …) are refused here, before any data is read.
            let sizes = ModelTraining.configuration(
                for: corpus, vocabularySize: ModelConfiguration().vocabularySize,
                classes: corpus.classCount,
                gloveWidth: corpus.model.glove == true ? GloVeConverter.dimension : nil)
            do {
                try sizes.validate(source: source)
            } catch let error as AtlasError {
                throw fail("\(at).model.\(error.message.prefix { $0 != " " })",
                           String(error.message.drop { $0 != " " }.dropFirst()))
            }
        }
        guard validation.bootstrapResamples >= 100 else {
            throw fail("validation.bootstrap_resamples", "use at least 100 resamples (1,000 or more for published numbers)")
        }
        let names = validation.lexicons.map(\.name)
        for (i, lexicon) in validation.lexicons.enumerated() {
            if let problem = lexicon.problem(among: names) { throw fail("validation.lexicons[\(i)].\(problem.field)", problem.message) }
        }
        guard validation.minimumOccurrences >= 1 else { throw fail("validation.min_occurrences", "must be at least 1") }
        guard !validation.topK.isEmpty, validation.topK.allSatisfy({ $0 >= 1 }) else {
            throw fail("validation.top_k", "must list positive sizes")
        }
    }

    /// Turns a decoding error into `file:line:column: field: problem`, finding the field's position by walking the
    /// YAML node tree, and completing an "expected …" with what the YAML has there.
    private static func atlasError(_ error: DecodingError, yaml: String, source: String) -> AtlasError {
        let (path, message): ([CodingKey], String)
        switch error {
        case .typeMismatch(let type, let context):
            (path, message) = (context.codingPath, "expected \(Self.describe(type))")
        case .valueNotFound(let type, let context):
            (path, message) = (context.codingPath, "expected \(Self.describe(type)), found nothing")
        case .keyNotFound(let key, let context):
            (path, message) = (context.codingPath, "the required field '\(key.stringValue)' is missing")
        case .dataCorrupted(let context):
            (path, message) = (context.codingPath, context.debugDescription)
        @unknown default:
            (path, message) = ([], "\(error)")
        }
        let field = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
            .joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
        let position = Self.position(of: path, in: yaml)
        var text = message
        // A type mismatch says what was found, whatever it is; a decoder's own "expected …" (seeds:) only when it
        // is a single value, since a list may be one of the forms it accepts.
        let isMismatch = if case .typeMismatch = error { true } else { false }
        if message.hasPrefix("expected "), !message.contains(", found"), let found = position?.found,
           isMismatch || found.scalar != nil {
            text += ", found \(Self.describe(found))"
        }
        return AtlasError(source: source, line: position?.line, column: position?.column,
                          message: field.isEmpty ? text : "\(field): \(text)",
                          excerpt: position.flatMap { Self.excerpt(line: $0.line, of: yaml) })
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type, is UInt64.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        case is Node.Mapping.Type: "fields (name: value)"
        case is Node.Sequence.Type: "a list"
        case is Node.Scalar.Type: "a single value"
        default: "a value of type \(type)"
        }
    }

    /// What the YAML has at a field, in words: the value quoted (shortened), or the kind of structure.
    private static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): "'\(AtlasError.excerpt(of: scalar.string[...], limit: 40))'"
        case .sequence: "a list"
        case .mapping: "fields (name: value)"
        case .alias: "an alias"
        }
    }

    /// The 1-based line and column of the field at `path` — its key in a mapping, its entry in a list — or of its
    /// deepest existing ancestor; `found` is the node at `path` when the whole path exists.
    private static func position(of path: [CodingKey], in yaml: String) -> (line: Int, column: Int, found: Node?)? {
        guard var node = try? Yams.compose(yaml: yaml), var mark = node.mark else { return nil }
        var complete = true
        for key in path {
            if let index = key.intValue, let sequence = node.sequence, index < sequence.count {
                node = sequence[index]
                mark = node.mark ?? mark
            } else if let mapping = node.mapping,
                      let pair = mapping.first(where: { $0.key.string == key.stringValue }) {
                mark = pair.key.mark ?? mark
                node = pair.value
            } else {
                complete = false
                break
            }
        }
        return (mark.line, mark.column, complete ? node : nil)
    }
}
