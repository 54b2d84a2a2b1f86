// SENDFolderTests: a temporary folder of two synthetic videos, and a video missing its ratings.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct SENDFolderTests {
    @Test func readsVideosInNameOrder() throws {
        let folder = try DataTestSupport.temporaryFolder()
        try DataTestSupport.write("time\tword\n0.5\tgood\n", to: folder.appendingPathComponent("v2/transcript.tsv"))
        try DataTestSupport.write("time,evaluatorWeightedEstimate\n0,0.5\n", to: folder.appendingPathComponent("v2/ratings.csv"))
        try DataTestSupport.write("time,word\n6,bad\n", to: folder.appendingPathComponent("v1/transcript.csv"))
        try DataTestSupport.write("time,evaluatorWeightedEstimate\n0,-0.5\n", to: folder.appendingPathComponent("v1/ratings.csv"))
        let sequences = try SENDFolder.load(folder, split: .test)
        #expect(sequences.map(\.narrative) == ["v1", "v2"])
        #expect(sequences[0].windows.map(\.tokens) == [[], ["bad"]])
        #expect(sequences[0].windows.map(\.valence) == [-0.5, nil])
        #expect(sequences.allSatisfy { $0.split == .test })
    }

    @Test func missingRatingsNameTheFile() throws {
        let folder = try DataTestSupport.temporaryFolder()
        try DataTestSupport.write("time\tword\n0.5\tgood\n", to: folder.appendingPathComponent("v/transcript.tsv"))
        #expect(throws: AtlasError(source: folder.appendingPathComponent("v/ratings.csv").path, message: "missing ratings",
                                   hint: "each video folder needs transcript.tsv (or .csv) and ratings.csv")) {
            _ = try SENDFolder.load(folder, split: .train)
        }
    }
}
