// SENDFolder: reads a folder of SEND-format videos (one subfolder per video) into narrative sequences.
import Core
import Foundation

/// A folder of SEND-format data supplied by a user who holds the SEND licence:
/// ```
/// <folder>/<video>/transcript.tsv   (or transcript.csv)   timed words, see `SENDParser`
/// <folder>/<video>/ratings.csv                            time, evaluatorWeightedEstimate
/// ```
/// Videos are read in name order; a subfolder missing either file is an error naming the file.
enum SENDFolder {
    static func load(_ folder: URL, split: DataSplit, windowSeconds: Double = 5, maxWindows: Int = 32) throws
        -> [NarrativeSequence] {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: folder.path) else {
            throw AtlasError(source: folder.path, message: "cannot list the folder",
                             hint: "pass a folder holding one subfolder per video")
        }
        var sequences: [NarrativeSequence] = []
        for video in names.sorted() {
            let directory = folder.appendingPathComponent(video)
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let transcript = ["transcript.tsv", "transcript.csv"].map { directory.appendingPathComponent($0) }
                .first { manager.fileExists(atPath: $0.path) }
            let ratings = directory.appendingPathComponent("ratings.csv")
            guard let transcript else {
                throw AtlasError(source: directory.appendingPathComponent("transcript.tsv").path,
                                 message: "missing transcript", hint: "each video folder needs transcript.tsv (or .csv) and ratings.csv")
            }
            guard manager.fileExists(atPath: ratings.path) else {
                throw AtlasError(source: ratings.path, message: "missing ratings",
                                 hint: "each video folder needs transcript.tsv (or .csv) and ratings.csv")
            }
            sequences += try SENDParser.sequences(
                video: video, transcript: Array(try Data(contentsOf: transcript)), transcriptSource: transcript.path,
                ratings: Array(try Data(contentsOf: ratings)), ratingsSource: ratings.path, split: split,
                windowSeconds: windowSeconds, maxWindows: maxWindows)
        }
        return sequences
    }
}
