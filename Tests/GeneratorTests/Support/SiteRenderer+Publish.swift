// SiteRenderer+Publish: render, write the data files, check, and only then swap the new site in.
@testable import Generator
import Foundation

extension SiteRenderer {
    /// Renders `content` into a staging folder beside `output`, lets `dataFiles` add the downloads
    /// (JSON, CSV, JSONL) to the same writer, checks the staged site (`SiteChecker`: well-formed pages,
    /// resolving links) and swaps it in. Any failure, including a failed check (`SiteCheckError` listing every
    /// problem), leaves the previous site at `output` untouched.
    public func writeSite(_ content: SiteContent, to output: URL, threads: Int = 2, progress: ProgressMeter? = nil,
                          dataFiles: (SiteWriter) throws -> Void = { _ in }) throws {
        try SiteWriter.writeSite(to: output) { writer in
            try render(content, to: writer, threads: threads, progress: progress)
            try dataFiles(writer)
            try SiteChecker(threads: threads).checkOrThrow(site: writer.staging)
        }
    }

    /// Writes the synthetic demo site (`SiteContent.fixture`) with placeholder data files: a quick look at the
    /// templates without a trained model.
    public static func renderDemoSite(templates: URL, to output: URL, examplesPerCorpus: Int = 12) async throws {
        let renderer = try await SiteRenderer(templatesDirectory: templates)
        let content = SiteContent.fixture(corpora: 2, examples: examplesPerCorpus, tokens: 24)
        try renderer.writeSite(content, to: output) { writer in
            for download in content.downloads {
                try writer.write("{\"demo\": true}\n", to: download.path)
            }
        }
    }
}
