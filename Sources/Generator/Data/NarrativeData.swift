// NarrativeData: the narratives of a run (EmoBank documents or a SEND-format folder) and their windows as sentences.
import Core
import Foundation

enum NarrativeData {
    /// EmoBank's documents as narratives (split per document; see `EmoBankNarratives`).
    static func emobank(_ store: CorpusStore, maxWindows: Int) throws -> [NarrativeSequence] {
        EmoBankNarratives.sequences(try store.loadEmoBank(), maxWindows: maxWindows)
    }

    /// A SEND-format folder: `train/`, `dev/` (optional) and `test/`, each holding one subfolder per video
    /// (see `SENDFolder`).
    static func send(_ folder: URL, windowSeconds: Double = 5, maxWindows: Int) throws -> [NarrativeSequence] {
        var sequences: [NarrativeSequence] = []
        for split in DataSplit.allCases {
            let sub = folder.appendingPathComponent(split.rawValue)
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sub.path, isDirectory: &isFolder), isFolder.boolValue else {
                guard split != .dev else { continue }
                throw AtlasError(source: sub.path, message: "missing \(split.rawValue)/ folder",
                                 hint: "a SEND-format folder holds train/, dev/ (optional) and test/, one subfolder per video")
            }
            sequences += try SENDFolder.load(sub, split: split, windowSeconds: windowSeconds, maxWindows: maxWindows)
        }
        return sequences
    }

    /// Every rated window with words as one sentence-level example, split as its narrative: the data of the
    /// sentence-level model (on EmoBank a window is a sentence, so this is EmoBank per document split).
    static func windowDataset(_ sequences: [NarrativeSequence]) -> TaskDataset {
        func examples(_ split: DataSplit) -> [CorpusExample] {
            sequences.filter { $0.split == split }.flatMap { sequence in
                sequence.windows.compactMap { window in
                    guard let valence = window.valence, !window.tokens.isEmpty else { return nil }
                    return CorpusExample(id: window.id, tokens: window.tokens, target: .value(Float(valence)),
                                         rationale: nil, document: sequence.narrative, genre: sequence.genre)
                }
            }
        }
        return TaskDataset(task: .emobankValence, train: examples(.train), dev: examples(.dev), test: examples(.test),
                           trainingPhrases: [])
    }
}
