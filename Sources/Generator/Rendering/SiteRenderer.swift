// SiteRenderer: renders every page of a SiteContent through the templates into a SiteWriter.
import Dispatch
import Foundation

/// Renders the whole site: `index.html`, `methods.html`, `data.html`, one page per corpus, example and word,
/// and copies `Templates/assets/` to `assets/`. Data files (JSON, CSV, JSONL) are the caller's to write
/// into the same writer. Output depends only on the content and the templates (byte-identical reruns).
public struct SiteRenderer: Sendable {
    public let templates: TemplateLibrary
    public let paths = SitePaths()

    public init(templates: TemplateLibrary) {
        self.templates = templates
    }

    /// Loads the templates from `directory` (`--templates DIR`, default `Templates`).
    public init(templatesDirectory directory: URL) async throws {
        templates = try await TemplateLibrary(directory: directory)
    }

    /// The number of files `render` writes (pages and assets are counted as pages only), for progress totals.
    public func pageCount(_ content: SiteContent) -> Int {
        3 + content.corpora.count + content.corpora.reduce(0) { $0 + $1.examples.filter { $0.pageCorpusID == nil }.count } + content.words.count
            + narrativePageCount(content)
    }

    /// Renders every page into `writer`. - Parameter threads: pages rendered in parallel (1 = in order).
    public func render(_ content: SiteContent, to writer: SiteWriter, threads: Int = 2, progress: ProgressMeter? = nil) throws {
        let factory = PageFactory(content: content, paths: paths)
        try checkUniquePaths(content)
        try writer.copyFolder(templates.assets, to: "assets")
        try writePage(factory.makeHomePage(), template: "pages/index", to: paths.home, writer)
        try writePage(factory.makeMethodsPage(hasFormula: templates.hasTemplate), template: "pages/methods", to: paths.methods, writer)
        try writePage(factory.makeDataPage(), template: "pages/data", to: paths.data, writer)
        progress?.advance(by: 3)

        var jobs: [@Sendable () throws -> Void] = []
        for corpus in content.corpora {
            jobs.append { try writePage(factory.makeCorpusPage(for: corpus), template: "pages/corpus", to: paths.corpus(corpus.id), writer) }
            for (index, example) in corpus.examples.enumerated() where example.pageCorpusID == nil {
                jobs.append {
                    try writePage(factory.makeExamplePage(for: example, in: corpus, index: index), template: "pages/example",
                                  to: paths.example(corpus: corpus.id, example: example.id), writer)
                }
            }
        }
        for word in content.words {
            jobs.append { try writePage(factory.makeWordPage(for: word), template: "pages/word", to: paths.word(word.word), writer) }
        }
        jobs += narrativeJobs(content, factory: factory, writer: writer)
        try runInParallel(jobs, threads: threads, progress: progress)
    }

    private func writePage(_ page: Any, template: String, to path: String, _ writer: SiteWriter) throws {
        try writer.write(try templates.render(page, with: template), to: path)
    }

    /// Two ids that map to the same file would overwrite each other: refuse them.
    private func checkUniquePaths(_ content: SiteContent) throws {
        var seen: [String: String] = [:]
        func claim(_ path: String, _ what: String) throws {
            if let other = seen[path] {
                throw RenderError(template: path, message: "\(what) and \(other) would both be written here (duplicate id)")
            }
            seen[path] = what
        }
        for corpus in content.corpora {
            try claim(paths.corpus(corpus.id), "corpus \(corpus.id)")
            for example in corpus.examples where example.pageCorpusID == nil {
                try claim(paths.example(corpus: corpus.id, example: example.id), "example \(example.id)")
            }
        }
        for word in content.words { try claim(paths.word(word.word), "word \(word.word)") }
        for (path, what) in narrativePaths(content) { try claim(path, what) }
    }
}
