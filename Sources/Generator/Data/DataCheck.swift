// DataCheck: presence and SHA-256 of every file in the manifest, one result per file.
import Core
import Foundation

struct DataCheck {
    /// The outcome for one file.
    struct Result: Equatable, Sendable {
        enum Status: Equatable, Sendable {
            case verified(URL)
            case missing(AtlasError)
            case optionalMissing
            case mismatch(AtlasError)
        }

        var source: String
        var path: String
        var status: Status

        var isProblem: Bool {
            switch status {
            case .verified, .optionalMissing: false
            case .missing, .mismatch: true
            }
        }

        var line: String {
            switch status {
            case .verified(let url): "ok       \(source): \(path) (\(url.path))"
            case .optionalMissing: "skipped  \(source): \(path) (optional, not fetched)"
            case .missing(let error), .mismatch(let error): "FAIL     \(source): " + error.description
            }
        }
    }

    var store: CorpusStore

    func run() -> [Result] {
        store.manifest.sources.flatMap { source in
            source.files.map { file in Result(source: source.name, path: file.path, status: status(file, of: source)) }
        }
    }

    func status(_ file: DataFile, of source: DataSource) -> Result.Status {
        guard let url = store.locator.find(file) else {
            return source.isOptional ? .optionalMissing : .missing(store.locator.missingFileError(file, of: source))
        }
        do {
            try FileHashing.verify(path: url.path, actual: try FileHashing.sha256(of: url), expected: file.sha256)
            return .verified(url)
        } catch let error as AtlasError {
            return .mismatch(error)
        } catch {
            return .mismatch(AtlasError(source: url.path, message: "\(error)"))
        }
    }
}
