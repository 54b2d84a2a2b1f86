// RenderStep: builds the site's content from the results and renders every page and data file into a staging folder.
import Core
import Foundation

struct RenderStep: Step {
    var name: String { "render" }

    /// The site's key: every result it shows, the templates, and the program that renders them.
    static func siteKey(_ context: BuildContext) throws -> CacheKey {
        var b = CacheKey.Builder()
        b.add("title", context.configuration.title)
        for model in context.corpusModels {
            b.add(model.run.keyLabel, try context.validationKey(model.run))
            if model.isJudgedForFaithfulness {
                b.add("\(model.run.keyLabel).faithfulness", try context.faithfulnessKey(model.run))
            }
            if model.run.isPrimary && model.hasRandomisationControl {
                b.add("\(model.run.keyLabel).controls", try context.controlKey(model.run))
            }
        }
        let templates = context.templatesFolder.standardizedFileURL.path
        for path in (FileManager.default.subpaths(atPath: templates) ?? []).sorted() {
            var isFolder: ObjCBool = false
            let url = URL(fileURLWithPath: templates).appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                try b.addFile("template:\(path)", at: url)
            }
        }
        try b.addFile("program", at: URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath())
        return b.build()
    }

    /// Unchanged when the published site was built from the same key (recorded inside it). Right after the step
    /// ran, the staged site holds that key, so the runner records it.
    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        let stamp = context.outputFolder.appendingPathComponent(SiteStamp.file)
        guard context.stagedSite != nil || FileManager.default.fileExists(atPath: stamp.path) else { return nil }
        return try Self.siteKey(context)
    }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        let clock = ContinuousClock()
        let start = clock.now
        var results: [CorpusResults] = [], narratives: [NarrativeCorpusContent] = []
        for model in context.primaryModels {
            switch try model.siteSection(from: try context.modelFolder(model.run), context: &context) {
            case .sentences(var corpusResults):
                corpusResults.seeds = try context.seedSummary(model.corpus)
                corpusResults.control = try context.control(model.run)
                results.append(corpusResults)
            case .narratives(let section): narratives.append(section)
            }
        }
        let footer = "Built by Attention Atlas from \(context.configurationSource) (seed \(context.configuration.seed))."
        var content = SiteContentBuilder.build(title: context.configuration.title, results: results, footer: footer)
        narratives.forEach { content.addNarratives($0) }
        guard let renderer = context.renderer else {
            throw AtlasError(source: context.templatesFolder.path, message: "templates were not loaded")
        }
        let writer = try SiteWriter(output: context.outputFolder)
        do {
            let loaded = clock.now
            let pageCount = renderer.pageCount(content)
            progress.setTotal(pageCount)
            try renderer.render(content, to: writer, threads: context.threads, progress: progress)
            let rendered = clock.now
            try DataFiles.write(results, content: content, to: writer)
            for model in context.primaryModels {
                try model.writeData(content, from: try context.modelFolder(model.run), context: &context, to: writer)
            }
            // Where the time goes (the pages alone are the benchmark's "render"; loading reads the cached results).
            progress.finish()
            context.output.write("  \(pageCount) pages in \(Self.seconds(rendered - loaded)); results loaded in "
                                 + "\(Self.seconds(loaded - start)), data files in \(Self.seconds(clock.now - rendered))\n")
            // The site folder is swapped whole, so its README travels with every build.
            let readme = context.templatesFolder.appendingPathComponent("site-README.md")
            if let text = FileManager.default.contents(atPath: readme.path) { try writer.write(text, to: "README.md") }
            try writer.write(try Self.siteKey(context).hex + "\n", to: SiteStamp.file)
        } catch {
            writer.discard()
            throw error
        }
        context.stagedSite = writer
    }
}

extension RenderStep {
    static func seconds(_ duration: Duration) -> String {
        let (s, attoseconds) = duration.components
        return String(format: "%.2f s", Double(s) + Double(attoseconds) / 1e18)
    }
}

/// The file inside a built site that records the key it was built from.
enum SiteStamp {
    static let file = SitePaths().buildKey
}

