// DataLocator: finds a data file in --data-dir, $ATLAS_DATA, ../shared/corpora, then the cache folder.
import Core
import Foundation

/// The ordered list of folders a data file is looked up in.
struct DataLocator: Sendable, Equatable {
    /// A folder to look in and why it is on the list.
    struct Root: Sendable, Equatable {
        var origin: String
        var folder: URL
    }

    var roots: [Root]
    /// Where `atlas data fetch` writes (the last root).
    var cacheFolder: URL

    /// - Parameters:
    ///   - dataDirectory: `--data-dir`, when given.
    ///   - environment: the process environment (`ATLAS_DATA`).
    ///   - currentDirectory: relative paths are resolved against it.
    ///   - cacheDirectory: `--cache-dir` (default `corpora/cache`).
    init(dataDirectory: String?, environment: [String: String], currentDirectory: URL, cacheDirectory: String) {
        func resolve(_ path: String) -> URL {
            path.hasPrefix("/") ? URL(fileURLWithPath: path) : currentDirectory.appendingPathComponent(path)
        }
        var roots: [Root] = []
        if let dataDirectory { roots.append(Root(origin: "--data-dir", folder: resolve(dataDirectory))) }
        if let data = environment["ATLAS_DATA"], !data.isEmpty { roots.append(Root(origin: "$ATLAS_DATA", folder: resolve(data))) }
        roots.append(Root(origin: "reference copies", folder: resolve("../shared/corpora")))
        cacheFolder = resolve(cacheDirectory)
        roots.append(Root(origin: "cache", folder: cacheFolder))
        self.roots = roots.map { Root(origin: $0.origin, folder: $0.folder.standardizedFileURL) }
        cacheFolder = cacheFolder.standardizedFileURL
    }

    /// Every place `file` would be looked for, in order.
    func candidates(for file: DataFile) -> [URL] {
        roots.map { $0.folder.appendingPathComponent(file.path) }
    }

    /// The first existing copy of `file`, or nil.
    func find(_ file: DataFile) -> URL? {
        candidates(for: file).first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The first existing copy of `file`; otherwise an error naming every path tried, the source and
    /// how to obtain it.
    func locate(_ file: DataFile, of source: DataSource) throws -> URL {
        if let url = find(file) { return url }
        throw missingFileError(file, of: source)
    }

    func missingFileError(_ file: DataFile, of source: DataSource) -> AtlasError {
        let tried = zip(roots, candidates(for: file)).map { "\($1.path) (\($0.origin))" }
        return AtlasError(source: file.path,
                          message: "missing data file of \(source.name) (\(source.title)); tried: " + tried.joined(separator: ", "),
                          hint: "\(source.obtain); official source: \(source.url)")
    }
}
