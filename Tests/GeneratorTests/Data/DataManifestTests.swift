// DataManifestTests: the committed corpora/manifest.yml is complete and well-formed.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct DataManifestTests {
    @Test func listsEverySourceWithHashesAndOrigin() throws {
        let manifest = try DataTestSupport.realManifest()
        #expect(manifest.sources.map(\.name) == ["sst", "emobank", "warriner", "labmt", "anew", "vader", "glove"])
        for source in manifest.sources {
            #expect(!source.files.isEmpty && !source.licence.isEmpty && !source.citation.isEmpty && source.url.hasPrefix("https://"))
            for file in source.files {
                #expect(file.sha256.count == 64 && file.sha256.allSatisfy(\.isHexDigit), "\(file.path)")
                #expect(source.package != nil || file.member == nil, "\(file.path) has a member but no package")
            }
            if let package = source.package {
                #expect(package.sha256.count == 64 && package.registry == "pypi", "\(source.name)")
            }
        }
        // The YAML alias makes labMT and ANEW share Warriner's archive.
        #expect(try manifest.source(named: "labmt").package == manifest.source(named: "warriner").package)
        #expect(try manifest.source(named: "glove").isOptional)
    }

    @Test func unknownSourceIsAnError() throws {
        let manifest = try DataTestSupport.realManifest()
        #expect(throws: AtlasError.self) { try manifest.source(named: "imdb") }
    }

    @Test func invalidYAMLIsAnAtlasError() {
        #expect(throws: AtlasError.self) { try DataManifest.parse("sources: [ {name: 1", source: "m.yml") }
    }
}
