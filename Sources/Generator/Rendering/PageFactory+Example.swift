// PageFactory+Example: an example page's view model (highlighted tokens, switcher data, heat map, LAT drawing).

struct ExamplePage: Sendable {
    var shell: PageShell
    var id: String
    var corpusName: String
    var corpusHref: String
    var trueLabel: String
    var predictedLabel: String
    var isCorrect: Bool
    var isTruncated: Bool
    /// The text has no word (a user corpus with allow_empty): the page says so instead of showing an empty box.
    var isEmptyText: Bool
    var completenessError: String
    var hasCompletenessError: Bool
    var defaultCaption: String
    var tokens: [Token]
    /// SST: some tokens carry the human rationale (underlined).
    var hasRationale: Bool
    /// SST, but every phrase neutral: nothing is underlined, and the page says why.
    var isRationaleNeutral: Bool
    /// Compact JSON of every method's scores (see `ExampleTraceJSON`), in a `<script type="application/json">` block.
    var traceJSON: String
    var heatMap: HeatMap?
    var connections: ConnectionDrawing?
    var previousHref: String
    var hasPrevious: Bool
    var nextHref: String
    var hasNext: Bool
    /// Every model traced on this sentence (this page's first), when there is more than one.
    var models: [ModelView] = []
    var hasModels = false

    struct Token: Sendable {
        var text: String
        var heat: String
        var hover: String
        /// Part of the human rationale (Carton et al. 2020 derivation from SST's phrase labels).
        var isRationale: Bool
    }

    /// LAT at the input across seeds, shaded by the mean, each word with its SD; nil with one seed.
    var seedSpread: SeedSpreadView?

    struct SeedSpreadView: Sendable {
        var seeds: String
        var tokens: [SpreadToken]
    }

    struct SpreadToken: Sendable {
        var text: String
        var heat: String
        var sd: String
        var hover: String
    }
}

extension PageFactory {
    /// The default view: the first method (LAT when the build lists it first) at the input (layer 0).
    func makeExamplePage(for example: ExampleContent, in corpus: CorpusContent, index: Int) -> ExamplePage {
        let path = paths.example(corpus: corpus.id, example: example.id)
        let root = paths.root(from: path)
        let traces = orderedTraces(example.traces)
        let shown = traces.first
        let scores = shown?.layers.first ?? []
        let isSigned = shown?.layers.contains { $0.contains { $0 < 0 } } ?? false
        let tokens = highlightedTokens(example, scores: scores, isSigned: isSigned)
        let layerCount = shown?.layers.count ?? 0
        let name = { (layer: Int, count: Int) in PageFactory.layerName(layer, count: count) }
        let latTrace = traces.first { $0.methodID == "lat" } ?? shown
        let previous = index > 0 ? corpus.examples[index - 1] : nil
        let next = index + 1 < corpus.examples.count ? corpus.examples[index + 1] : nil
        let models = modelViews(example)
        return ExamplePage(
            shell: shell(path: path, title: "Example \(example.id)", kind: "example",
                         description: example.tokens.prefix(20).joined(separator: " ")),
            id: example.id,
            corpusName: corpus.name,
            corpusHref: root + paths.corpus(corpus.id),
            trueLabel: example.trueLabel,
            predictedLabel: example.predictedLabel,
            isCorrect: example.trueLabel == example.predictedLabel,
            isTruncated: example.isTruncated,
            isEmptyText: example.tokens.isEmpty,
            completenessError: example.completenessError.map { Formatting.fixed($0 * 100, digits: 1) + "%" } ?? "",
            hasCompletenessError: example.completenessError != nil,
            defaultCaption: shown.map { "\(methodName($0.methodID)), \(name(0, layerCount))" } ?? "",
            tokens: tokens,
            hasRationale: example.rationale?.contains { $0 > 0 } ?? false,
            isRationaleNeutral: example.rationale.map { !$0.contains { $0 > 0 } } ?? false,
            traceJSON: ExampleTraceJSON.encode(traces, names: methodNames, defaultMethod: shown?.methodID ?? ""),
            heatMap: latTrace.map { HeatMap(trace: $0, tokens: example.tokens, methodName: methodName($0.methodID), layerName: name) },
            connections: example.connections.isEmpty ? nil
                : ConnectionDrawing(edges: example.connections, trace: latTrace, tokens: example.tokens,
                                    labelsTokens: latTrace == nil, layerName: name),
            previousHref: previous.map { root + paths.example(corpus: $0.pageCorpusID ?? corpus.id, example: $0.id) } ?? "",
            hasPrevious: previous != nil,
            nextHref: next.map { root + paths.example(corpus: $0.pageCorpusID ?? corpus.id, example: $0.id) } ?? "",
            hasNext: next != nil,
            models: models, hasModels: !models.isEmpty,
            seedSpread: example.seedSpread.map { spreadView($0, tokens: example.tokens) })
    }

    func spreadView(_ spread: SeedSpreadContent, tokens: [String]) -> ExamplePage.SeedSpreadView {
        let peak = spread.mean.map(abs).max() ?? 0
        let seeds = Formatting.spelledOut(spread.seeds)
        return .init(seeds: seeds, tokens: tokens.enumerated().map { i, text in
            let mean = i < spread.mean.count ? spread.mean[i] : 0, sd = i < spread.standardDeviation.count ? spread.standardDeviation[i] : 0
            return .init(text: text, heat: Palette.heat(mean, maxMagnitude: peak, isSigned: false),
                         sd: Formatting.significant(sd),
                         hover: "mean \(Formatting.significant(mean)), SD \(Formatting.significant(sd)) over \(seeds) seeds")
        })
    }

    /// Traces in the order of `content.methods` (unknown methods last, in their own order).
    func orderedTraces(_ traces: [MethodTrace]) -> [MethodTrace] {
        traces.enumerated().sorted { a, b in
            let ia = methodOrder.firstIndex(of: a.element.methodID) ?? methodOrder.count + a.offset
            let ib = methodOrder.firstIndex(of: b.element.methodID) ?? methodOrder.count + b.offset
            return ia < ib
        }.map(\.element)
    }
}

/// The example page's data block, read by Templates/assets/site.js:
/// `{"d": default id, "m": [{"id", "n": name, "s": 1 if signed, "k": [scale per layer], "p": packed}]}`,
/// where `p` is every layer's scores packed by `JSONBlock.packScores` one after the other (layer 0 = input first,
/// 1 character per token), each layer scaled by its own `k[layer]`.
enum ExampleTraceJSON {
    /// `names` nil leaves out `n` (a second model's block: the script takes the names from the page's own block).
    static func encode(_ traces: [MethodTrace], names: [String: String]?, defaultMethod: String) -> String {
        let methods = traces.map { trace in
            let isSigned = trace.layers.contains { $0.contains { $0 < 0 } }
            var scales: [String] = []
            var packed = ""
            for layer in trace.layers {
                let (scale, text) = JSONBlock.packScores(layer, isSigned: isSigned)
                scales.append(scale)
                packed += text
            }
            return JSONBlock.object([("id", JSONBlock.string(trace.methodID))]
                + (names.map { [("n", JSONBlock.string($0[trace.methodID] ?? trace.methodID))] } ?? []) + [
                ("s", isSigned ? "1" : "0"),
                ("k", JSONBlock.array(scales)),
                ("p", JSONBlock.string(packed)),
            ])
        }
        return JSONBlock.object([("d", JSONBlock.string(defaultMethod)), ("m", JSONBlock.array(methods))])
    }
}

extension PageFactory {
    /// The example's words shaded by `scores` (the view without scripts), the human rationale underlined.
    func highlightedTokens(_ example: ExampleContent, scores: [Double], isSigned: Bool) -> [ExamplePage.Token] {
        let peak = scores.map(abs).max() ?? 0
        return example.tokens.enumerated().map { index, text in
            let score = index < scores.count ? scores[index] : 0
            let rationale = example.rationale.flatMap { index < $0.count ? $0[index] : nil } ?? 0
            return ExamplePage.Token(text: text, heat: Palette.heat(score, maxMagnitude: peak, isSigned: isSigned),
                                     hover: Formatting.significant(score), isRationale: rationale > 0)
        }
    }
}
