// SiteContent+Fixtures: small synthetic site contents for tests, demos and the render benchmark.
@testable import Generator
import Core

extension SiteContent {
    /// The methods the site compares, in display order (ids match Templates/methods/<id>.mustache).
    public static let standardMethods: [MethodInfo] = [
        MethodInfo(id: "lat", name: "LAT (paper)", summary: "Context attention traced down each head's chain, summed at the input."),
        MethodInfo(id: "lat-mean", name: "LAT, heads averaged", summary: "LAT with the heads averaged at every layer."),
        MethodInfo(id: "rollout", name: "Attention rollout", summary: "Head-averaged attention with the residual path, multiplied through the layers."),
        MethodInfo(id: "attention-flow", name: "Attention flow", summary: "Maximum flow through the residual-corrected attention graph."),
        MethodInfo(id: "context", name: "Context attention", summary: "The pooling attention over the last layer alone."),
        MethodInfo(id: "raw-attention", name: "Raw attention", summary: "Attention received per layer, averaged over heads and queries."),
        MethodInfo(id: "gradient-sensitivity", name: "Gradient sensitivity", summary: "Norm of the output's gradient with respect to each embedding."),
        MethodInfo(id: "gradient-times-input", name: "Gradient × input", summary: "Gradient times embedding: a signed first-order contribution."),
        MethodInfo(id: "integrated-gradients", name: "Integrated gradients", summary: "Gradients averaged along the path from a zero baseline, times the input."),
    ]

    /// A deterministic synthetic site: `corpora` corpora of `examples` examples each, `tokens` tokens per example,
    /// every standard method (`layers` layers for the layered ones) and word pages for the vocabulary.
    /// `hostile` puts `<script>`, quotes, `&` and `../../x` into ids, tokens, labels and words.
    public static func fixture(corpora: Int = 2, examples: Int = 6, tokens: Int = 12, layers: Int = 7,
                               hostile: Bool = false, seed: UInt64 = 7) -> SiteContent {
        var random = SplitMix64(seed: seed)
        var vocabulary = ["wonderful", "dull", "film", "the", "a", "plot", "moving", "awful", "brilliant", "is", "and",
                          "boring", "sad", "happy", "story", "acting", "not", "great", "mess", "love"]
        let valences: [String: Double] = ["wonderful": 7.8, "dull": 3.1, "film": 5.9, "the": 5.0, "plot": 5.4, "moving": 6.6,
                                          "awful": 2.2, "brilliant": 7.9, "boring": 2.7, "sad": 2.1, "happy": 8.5, "story": 6.0,
                                          "acting": 5.8, "great": 7.5, "mess": 3.0, "love": 8.0]
        if hostile { vocabulary += ["<script>alert(1)</script>", "\"quoted\" & 'single'", "../../x", "</p>"] }
        let methods = standardMethods
        let depth: [String: Int] = ["lat": layers, "lat-mean": layers, "rollout": layers, "attention-flow": layers,
                                    "raw-attention": max(1, layers - 1), "context": 1, "gradient-sensitivity": 1, "gradient-times-input": 1, "integrated-gradients": 1]
        let labels = hostile ? ["negative & <b>", "\"positive\""] : ["very negative", "negative", "neutral", "positive", "very positive"]
        var corpusList: [CorpusContent] = []
        var occurrences: [String: [Occurrence]] = [:]
        for c in 0..<corpora {
            let corpusID = hostile && c == 0 ? "../../x" : ["sst", "emobank", "extra"][c % 3]
            var exampleList: [ExampleContent] = []
            for e in 0..<examples {
                let words = (0..<tokens).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
                let traces = methods.map { method in
                    MethodTrace(methodID: method.id, layers: (0..<(depth[method.id] ?? 1)).map { _ in
                        words.map { word in
                            let base = abs((valences[word] ?? 5) - 5) / 4 + 0.05 * random.nextUnitDouble()
                            return method.id == "gradient-times-input" ? base * (random.nextUnitDouble() < 0.4 ? -1 : 1) : base / Double(tokens)
                        }
                    })
                }
                var edges: [TraceEdge] = []
                for layer in 1..<max(2, layers) {
                    for _ in 0..<min(24, tokens * 2) {
                        edges.append(TraceEdge(layer: layer, from: Int(random.next() % UInt64(tokens)),
                                               to: Int(random.next() % UInt64(tokens)), weight: Float(random.nextUnitDouble())))
                    }
                }
                let id = hostile && e == 0 ? "<script>\"e&0\"</script>" : "\(corpusID)-\(e + 1)"
                let truth = labels[Int(random.next() % UInt64(labels.count))]
                let predicted = random.nextUnitDouble() < 0.7 ? truth : labels[Int(random.next() % UInt64(labels.count))]
                exampleList.append(ExampleContent(id: id, tokens: words, trueLabel: truth, predictedLabel: predicted, traces: traces,
                                                  completenessError: 0.031 + 0.01 * Double(e), isTruncated: e == 1, connections: edges))
                // The first corpus is SST-like: human rationales (example 3 all neutral); no draws from `random`.
                if c == 0 { exampleList[e].rationale = words.indices.map { e == 2 ? 0 : Double(($0 + e) % 3) / 2 } }
                for (index, word) in words.enumerated() where occurrences[word, default: []].count < 12 {
                    occurrences[word, default: []].append(Occurrence(
                        corpusID: corpusID, exampleID: id, before: words[max(0, index - 3)..<index].joined(separator: " "),
                        word: word, after: words[(index + 1)..<min(words.count, index + 4)].joined(separator: " ")))
                }
            }
            let points = vocabulary.map { word in
                let v = valences[word] ?? 1 + 8 * random.nextUnitDouble()
                return ScatterPoint(word: word, valence: v, score: 0.02 + 0.004 * (v - 5) * (v - 5) + 0.01 * random.nextUnitDouble(),
                                    occurrences: 1 + Int(random.next() % 40))
            }
            let layerLabels = (0..<layers).map { PageFactory.layerName($0, count: layers) }
            let layered = methods.filter { (depth[$0.id] ?? 1) > 1 }
            var series: [LayerSeries] = []
            for statistic in ["Spearman ρ (score vs |V − 5|)", "Cohen's d (top-100 vs rest)"] {
                var lines: [LayerSeries.Line] = []
                for method in layered {
                    var values: [Double?] = []
                    for layer in 0..<layers {
                        let value: Double = 0.1 + 0.03 * Double(layer) + 0.05 * random.nextUnitDouble()
                        values.append(layer >= (depth[method.id] ?? 1) ? nil : value)
                    }
                    lines.append(LayerSeries.Line(methodID: method.id, values: values))
                }
                series.append(LayerSeries(statistic: statistic, layerLabels: layerLabels, lines: lines))
            }
            let statistics = methods.map { method in
                StatisticRow(methodID: method.id, layer: (depth[method.id] ?? 1) > 1 ? "input" : "", statistic: "Spearman ρ",
                             estimate: 0.2 * random.nextUnitDouble(), lower: 0.01, upper: 0.3, pValue: 0.0004 * Double(c + 1), n: 2338)
            }
            corpusList.append(CorpusContent(
                id: corpusID, name: hostile && c == 0 ? "Corpus <i>&amp;</i> \"x\"" : ["SST-5", "EmoBank", "Extra"][c % 3],
                description: "Synthetic corpus \(c + 1) for tests and demos: random tokens, scores shaped like a U in valence.",
                metrics: [Metric(label: "accuracy", value: 0.431), Metric(label: "macro-F1", value: 0.402), Metric(label: "test examples", value: Double(examples), digits: 0)],
                statistics: statistics, layerSeries: series,
                scatter: ScatterContent(methodID: "lat", lexicon: "Warriner", points: points,
                                        fit: QuadraticFit(b0: 0.12, b1: -0.04, b2: 0.004, rSquared: 0.061),
                                        comparison: [ComparisonRow(label: "word types", ours: "2,301", published: "2,338"),
                                                     ComparisonRow(label: "quadratic term t", ours: "6.9", published: "7.24"),
                                                     ComparisonRow(label: "R²", ours: "0.057", published: "0.059")]),
                topWords: ["lat", "gradient-times-input"].map { id in
                    TopWordList(methodID: id, words: vocabulary.prefix(12).enumerated().map { index, word in
                        TopWord(word: word, score: 0.2 / Double(index + 1), valence: valences[word])
                    })
                },
                examples: exampleList))
            corpusList[c].faithfulness = methods.enumerated().map { m, method in
                let cell = { (base: Double) in
                    FaithfulnessCell(estimate: base + 0.01 * Double(m), lower: base, upper: base + 0.02 * Double(m + 1),
                                     pValue: 0.001 * Double(m + 1), n: examples)
                }
                return FaithfulnessRow(corpusID: corpusID, methodID: method.id, layer: "",
                                       cells: [cell(0.2), cell(0.05), c == 0 ? cell(0.4) : nil, c == 0 ? cell(0.3) : nil])
            }
            // Row − column differences; the first two methods' pair untested, the pairs far apart significant.
            let ids = methods.map(\.id)
            corpusList[c].methodComparisons = [MethodComparisonMatrix(
                statistic: "comprehensiveness AOPC", isHigherBetter: true, methodIDs: ids,
                cells: ids.indices.map { i in ids.indices.map { j in
                    i == j ? nil : MethodComparisonCell(difference: 0.02 * Double(j - i), lower: 0.02 * Double(j - i) - 0.01,
                                                        upper: 0.02 * Double(j - i) + 0.01,
                                                        holmP: i + j == 1 ? nil : 0.2 / Double(abs(i - j)), n: examples)
                } })]
            // Every corpus: the randomisation control, the first method surviving it.
            corpusList[c].control = ControlContent(examples: examples, steps: ["trained", "head", "+ embeddings (untrained)"],
                                                   rows: ids.enumerated().map { m, id in
                .init(methodID: id, rho: [0.2, 0.1, m == 0 ? 0.15 : nil], lower: [0.1, 0.0, m == 0 ? 0.05 : nil],
                      upper: [0.3, 0.2, m == 0 ? 0.25 : nil], tau: [1, 0.4, m == 0 ? 0.1 : nil], survives: m == 0)
            })
            // Every corpus: the methods' agreement (the diagonal and one pair undefined).
            corpusList[c].agreement = AgreementMatrix(seeds: c == 0 ? 3 : 1, methodIDs: ids, cells: ids.indices.map { i in
                ids.indices.map { j in
                    i == j || i + j == 1 ? nil : AgreementMatrix.Cell(mean: 0.5 / Double(abs(i - j)), perSeed: [0.4, 0.5, 0.6],
                                                                  lower: 0.1, upper: 0.7, sentences: examples)
                }
            }, ties: ids.enumerated().map { m, id in
                .init(methodID: id, tiedWords: [0.125 * Double(m + 1), 0.25], sharedTop: [0.5, 0.0625], sentences: examples)
            })
            // The first corpus has three seeds: every method's figure, and LAT against the others (one mixed).
            if c == 0 {
                corpusList[c].seeds = SeedsContent(
                    seeds: [0, 1, 2], statistic: "Spearman ρ with |valence − 5|", resamples: 1000,
                    metrics: [.init(label: "test accuracy", perSeed: [0.44, 0.43, 0.45], mean: 0.44, standardDeviation: 0.01)],
                    figures: ids.enumerated().map { m, id in
                        .init(methodID: id, layer: "", isBaseline: false, perSeed: [0.1, 0.12, 0.14].map { $0 + 0.01 * Double(m) },
                              mean: 0.12 + 0.01 * Double(m), standardDeviation: 0.02, lower: 0.05, upper: 0.2)
                    },
                    pairs: ids.dropFirst().enumerated().map { m, id in
                        .init(first: ids[0], second: id, perSeed: m == 0 ? [0.01, -0.01, 0.02] : [0.05, 0.04, 0.06],
                              firstWins: m == 0 ? 2 : 3, meanDifference: m == 0 ? 0.007 : 0.05, lower: m == 0 ? -0.02 : 0.01,
                              upper: 0.08, holm: m == 0 ? 1 : 0.01)
                    })
                let words = corpusList[c].examples[0].tokens.count
                corpusList[c].examples[0].seedSpread = SeedSpreadContent(
                    seeds: 3, mean: (0..<words).map { 0.1 + 0.01 * Double($0) }, standardDeviation: Array(repeating: 0.02, count: words))
                corpusList[c].seeds?.faithfulness = [.init(methodID: ids[0], statistic: "comprehensiveness AOPC ↑", layer: "",
                                                           isBaseline: false, perSeed: [0.2, 0.25, 0.3], mean: 0.25,
                                                           standardDeviation: 0.05, lower: 0.15, upper: 0.35)]
                corpusList[c].seeds?.faithfulnessPairs = [.init(first: ids[0], second: ids[1], statistic: "AUPRC vs human rationale ↑",
                                                                perSeed: [0.01, 0.02, 0.03], firstWins: 3, meanDifference: 0.02,
                                                                lower: 0.005, upper: 0.035, holm: 0.02)]
            }
        }
        let words = occurrences.keys.sorted().map { word in
            WordContent(word: word, occurrences: occurrences[word] ?? [],
                        meanScores: methods.map { MethodScore(methodID: $0.id, score: 0.01 + 0.001 * Double(word.count)) },
                        ratings: valences[word].map { [LexiconRating(name: "Warriner valence (1–9)", value: $0), LexiconRating(name: "Warriner arousal (1–9)", value: 4.2)] } ?? [])
        }
        var site = SiteContent(
            title: hostile ? "Atlas <script>alert(\"t\")</script> & co" : "Attention Atlas",
            claim: "Words that a sentiment Transformer's traced attention singles out are emotionally intense: far from neutral valence on either side, a U-shaped relation that we test with effect sizes, confidence intervals and baselines."
                + (hostile ? " <script>alert('claim')</script> & \"quotes\"" : ""),
            models: [ModelSummary(name: "SST-5 classifier", task: "five-class sentiment", metrics: [Metric(label: "accuracy", value: 0.431), Metric(label: "macro-F1", value: 0.402)]),
                     ModelSummary(name: "EmoBank regressor", task: "valence regression", metrics: [Metric(label: "Pearson r", value: 0.618), Metric(label: "CCC", value: 0.567)])],
            methods: methods,
            keyStatistics: corpusList.first?.statistics ?? [],
            corpora: corpusList,
            words: words,
            downloads: [DownloadFile(path: "data/statistics.json", title: "Statistics", description: "Every statistic with its interval.", format: "JSON"),
                        DownloadFile(path: "data/traces.jsonl", title: "Traces", description: "One line per example: tokens and every method's scores.", format: "JSON Lines")],
            footer: hostile ? "footer <b>&</b>" : "")
        site.faithfulness = corpusList.flatMap(\.faithfulness)
        return site
    }
}
