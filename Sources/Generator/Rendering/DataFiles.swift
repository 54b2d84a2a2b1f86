// DataFiles: the site's downloads — statistics (JSON, CSV), traces (JSON Lines in a zip), model metrics.
import Core
import Foundation
import ZIPFoundation

enum DataFiles {
    /// A fixed date for zip entries, so that the same traces give the same bytes.
    static let fixedDate = Date(timeIntervalSince1970: 1_600_000_000)

    static func write(_ results: [CorpusResults], content: SiteContent, to writer: SiteWriter) throws {
        let encoder = ModelCheckpoint.encoder(), paths = SitePaths()
        var metrics: [String: [String: EvaluationResult]] = [:]
        for r in results {
            // Compact and zipped: the full report (every entry's scatter and lemma matches) is tens of MB as text.
            let compact = JSONEncoder()
            compact.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            try writer.write(try zipped(try compact.encode(rounded(r.report)), name: "\(r.corpus.id)-statistics.json"),
                             to: paths.statisticsArchive(r.corpus.id))
            if let summary = r.faithfulness {
                try writer.write(try encoder.encode(summary), to: paths.faithfulnessSummary(r.corpus.id))
            }
            let corpus = content.corpora.first { $0.id == r.corpus.id }
            let seedRows = corpus?.seeds.map(CorpusPageBuilder.seedStatistics) ?? []
            let tieRows = tieStatistics(corpus?.agreement, seeds: corpus?.seeds?.seeds)
            try writer.write(csv((corpus?.statistics ?? []) + SiteContentBuilder.methodComparisonStatistics(r) + seedRows + tieRows),
                             to: paths.statisticsTable(r.corpus.id))
            try writer.write(try zippedTraces(r.records, name: "\(r.corpus.id)-traces.jsonl"),
                             to: paths.tracesArchive(r.corpus.id))
            metrics[r.corpus.id] = r.metrics
        }
        try writer.write(try encoder.encode(metrics), to: paths.modelMetrics)
    }

    /// The ties table's figures as statistics rows (one per method, figure and seed; n = sentences counted).
    /// `seeds`: the corpus's seeds in order (nil with one seed: "the first seed").
    static func tieStatistics(_ matrix: AgreementMatrix?, seeds: [UInt64]?) -> [StatisticRow] {
        (matrix?.ties ?? []).flatMap { ties in
            ties.tiedWords.indices.flatMap { k -> [StatisticRow] in
                let seed = seeds.map { "seed \($0[k])" } ?? "the first seed"
                return [
                StatisticRow(methodID: ties.methodID, statistic: "words tied with a different word, share, \(seed)",
                             estimate: ties.tiedWords[k], n: ties.sentences),
                StatisticRow(methodID: ties.methodID, statistic: "sentences whose top score is shared by different words, share, \(seed)",
                             estimate: ties.sharedTop[k], n: ties.sentences),
                ]
            }
        }
    }

    /// RFC 4180 CSV of statistics rows (fields with commas, quotes or line breaks are quoted).
    static func csv(_ rows: [StatisticRow]) -> String {
        func field(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        func number(_ value: Double?) -> String { value.map { String(format: "%.6g", $0) } ?? "" }
        var lines = ["method,layer,statistic,estimate,ci_lower,ci_upper,p_value,n"]
        for r in rows {
            lines.append([field(r.methodID), field(r.layer), field(r.statistic), number(r.estimate), number(r.lower),
                          number(r.upper), number(r.pValue), String(r.n)].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// The records as JSON Lines (without the per-head chains, which only the cache keeps), deflated in a zip.
    /// Scores and edge weights are rounded to `significantDigits` (`atlas trace` writes them in full): float32's
    /// noise digits do not compress, and the rounding takes the downloads from 21 to about 10 MB.
    static func zippedTraces(_ records: [TraceRecord], name: String) throws -> Data {
        let slim = records.map { record -> TraceRecord in
            var r = record
            for (id, a) in r.attributions {
                r.attributions[id] = Attribution(scores: a.scores.map(rounded), layers: a.layers?.map { $0.map(rounded) }, heads: nil)
            }
            r.connections = r.connections?.map { var e = $0; e.weight = rounded(e.weight); return e }
            return r
        }
        return try zipped(Data(try TraceRecord.jsonLines(slim).utf8), name: name)
    }

    /// Significant digits kept in the downloads' per-token scores and per-word means.
    /// Three, as the pages show them: the per-word means and statistics computed from the downloads agree with the
    /// site's to the digits shown, and the traces take half the bytes of full float32 text.
    static let significantDigits = 3

    /// `value` rounded to `significantDigits` significant digits (0, infinities and NaN unchanged).
    static func rounded(_ value: Double) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let scale = Foundation.pow(10, Double(significantDigits - 1) - Foundation.floor(Foundation.log10(Swift.abs(value))))
        return (value * scale).rounded() / scale
    }

    static func rounded(_ value: Float) -> Float { Float(rounded(Double(value))) }

    /// The report with each word's mean score rounded (the scatter and top-word lists are most of its bytes);
    /// the statistics themselves keep every digit. A target's lemma matches, the same for every method × layer,
    /// are listed in the first entry only (later entries keep the counts, with an empty list): 2.4 MB less.
    static func rounded(_ report: ValidationReport) -> ValidationReport {
        var report = report
        var firstMatches: [(target: ValidationTarget, matches: [LemmaMatch])] = []
        for i in report.entries.indices {
            for t in report.entries[i].targets.indices {
                let target = report.entries[i].targets[t].target
                let matches = report.entries[i].targets[t].join.lemmaMatches
                if let first = firstMatches.first(where: { $0.target == target }) {
                    if first.matches == matches { report.entries[i].targets[t].join.lemmaMatches = [] }
                } else {
                    firstMatches.append((target, matches))
                }
            }
            for j in report.entries[i].scatter.indices { report.entries[i].scatter[j].meanScore = rounded(report.entries[i].scatter[j].meanScore) }
            for j in report.entries[i].topWords.indices { report.entries[i].topWords[j].meanScore = rounded(report.entries[i].topWords[j].meanScore) }
        }
        return report
    }

    /// One file, deflated, in a zip archive with a fixed date (the same bytes give the same archive).
    static func zipped(_ text: Data, name: String) throws -> Data {
        let archive = try Archive(accessMode: .create)
        try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(text.count), modificationDate: fixedDate,
                             compressionMethod: .deflate) { position, size in
            text.subdata(in: Int(position)..<Int(position) + size)
        }
        guard let data = archive.data else { throw AtlasError(source: name, message: "could not build the zip archive") }
        return data
    }
}
