// DownloadsBuilder: the Data page's list of every sentence corpus's files (the narratives add theirs, see
// NarrativeCorpusModel.downloads).
import Core
import Foundation

enum DownloadsBuilder {
    static func downloads(_ results: [CorpusResults]) -> [DownloadFile] {
        results.flatMap { r in
            [
                DownloadFile(path: SitePaths().statisticsArchive(r.corpus.id), title: "\(r.corpus.id): validation statistics",
                             description: "Every method × layer × statistic with intervals, p-values, join counts and the per-word scatter (word means rounded to 3 significant digits; zip).",
                             format: "JSON (zip)"),
                DownloadFile(path: SitePaths().statisticsTable(r.corpus.id), title: "\(r.corpus.id): statistics table",
                             description: "The corpus page's statistics table as CSV, then the pairwise method comparisons (mean differences).",
                             format: "CSV"),
                DownloadFile(path: SitePaths().tracesArchive(r.corpus.id), title: "\(r.corpus.id): traces",
                             description: "One JSON line per example: tokens, label, prediction, every method's scores at every layer and the LAT connection edges, rounded to 3 significant digits (zip; `atlas trace` writes full precision).",
                             format: "JSON Lines (zip)"),
            ] + (r.faithfulness == nil ? [] : [SiteContentBuilder.faithfulnessDownload(r.corpus.id)])
        } + [DownloadFile(path: SitePaths().modelMetrics, title: "Model metrics",
                          description: "Accuracy, macro-F1, Pearson r, CCC and RMSE per split, and the training record.",
                          format: "JSON")]
    }
}
