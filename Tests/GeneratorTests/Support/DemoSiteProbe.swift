// DemoSiteProbe: writes the fixture site to $ATLAS_DEMO_SITE when that is set (a manual look, not a check).
import Foundation
import Testing
@testable import Generator

@Suite struct DemoSiteProbe {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["ATLAS_DEMO_SITE"] != nil))
    func writeDemoSite() async throws {
        let output = URL(fileURLWithPath: ProcessInfo.processInfo.environment["ATLAS_DEMO_SITE"]!)
        let tokens = Int(ProcessInfo.processInfo.environment["ATLAS_DEMO_TOKENS"] ?? "56") ?? 56
        let content = SiteContent.fixture(corpora: 2, examples: 8, tokens: tokens, layers: 7)
        let renderer = try await SiteFixture.renderer()
        try SiteWriter.writeSite(to: output) { writer in
            try renderer.render(content, to: writer)
            for download in content.downloads { try writer.write("{}\n", to: download.path) }
        }
    }
}
