// CheckStep: parses every staged page with libxml2, resolves every link, and only then swaps the site in.
import Foundation

struct CheckStep: Step {
    var name: String { "check" }

    /// Skipped together with the render step (nothing new is staged then).
    func cacheKey(_ context: BuildContext) throws -> CacheKey? {
        context.stagedSite == nil ? try RenderStep.siteKey(context) : nil
    }

    func run(_ context: inout BuildContext, progress: ProgressMeter) throws {
        guard let writer = context.stagedSite else { return }
        context.stagedSite = nil
        do {
            let problems = try SiteChecker(threads: context.threads).check(site: writer.staging)
            guard problems.isEmpty else { throw SiteCheckError(problems: problems) }
            progress.advance(by: writer.paths.count)
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        context.output.write("  \(writer.paths.count) files checked and published to \(context.outputFolder.path)\n")
    }
}
