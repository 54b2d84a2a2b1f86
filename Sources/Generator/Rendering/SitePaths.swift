// SitePaths: where each page lives in the site, and safe file names derived from free-text ids.
import Crypto
import Foundation

/// The site's layout: `index.html`, `methods.html`, `data.html` at the root; `corpora/<corpus>.html`,
/// `examples/<corpus>/<example>.html`, `words/<word>.html` below it. Every path is relative to the site root.
public struct SitePaths: Sendable {
    public init() {}

    public let home = "index.html"
    public let methods = "methods.html"
    public let data = "data.html"
    public let stylesheet = "assets/style.css"
    public let script = "assets/site.js"

    public func corpus(_ corpusID: String) -> String { "corpora/\(Self.fileName(for: corpusID)).html" }
    public func example(corpus corpusID: String, example exampleID: String) -> String {
        "examples/\(Self.fileName(for: corpusID))/\(Self.fileName(for: exampleID)).html"
    }
    public func word(_ word: String) -> String { "words/\(Self.fileName(for: word)).html" }
    public func narratives(_ corpusID: String) -> String { "narratives/\(Self.fileName(for: corpusID)).html" }
    public func narrative(corpus corpusID: String, narrative narrativeID: String) -> String {
        "narratives/\(Self.fileName(for: corpusID))/\(Self.fileName(for: narrativeID)).html"
    }

    // The data files (the Data page's downloads): the model metrics of every corpus, then a set per corpus.
    public let modelMetrics = "data/metrics.json"
    /// The key the published site was built from (see `SiteStamp`).
    public let buildKey = "data/build-key.txt"
    public func statisticsArchive(_ corpusID: String) -> String { "data/\(Self.fileName(for: corpusID))-statistics.zip" }
    public func statisticsTable(_ corpusID: String) -> String { "data/\(Self.fileName(for: corpusID))-statistics.csv" }
    public func tracesArchive(_ corpusID: String) -> String { "data/\(Self.fileName(for: corpusID))-traces.zip" }
    public func faithfulnessSummary(_ corpusID: String) -> String { "data/\(Self.fileName(for: corpusID))-faithfulness.json" }
    public func narrativeMetrics(_ corpusID: String) -> String {
        "data/\(Self.fileName(for: corpusID))-narrative-metrics.json"
    }

    /// The prefix from a page at `path` back to the site root ("", "../", "../../").
    public func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/", omittingEmptySubsequences: true).count - 1)
    }

    /// A file name (without extension) for a free-text id: stable, unique and safe.
    ///
    /// Lower-case ASCII letters, digits, `-` and `_` are kept; any other run of characters becomes one `-`;
    /// leading and trailing `-` are dropped and the result is cut at 60 characters. When this changed the id
    /// (or left nothing), an 8-hex-digit SHA-256 prefix of the original id is appended, so two different ids
    /// never share a name (`Good` → `good-…`, `good` → `good`). Never contains `/`, `..` or control characters.
    public static func fileName(for id: String) -> String {
        var slug = ""
        var pendingDash = false
        for scalar in id.unicodeScalars {
            let isSafe = (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") || scalar == "_"
            if isSafe || scalar == "-" {
                if pendingDash, !slug.isEmpty { slug.append("-") }
                pendingDash = false
                if scalar == "-" { pendingDash = true } else { slug.unicodeScalars.append(scalar) }
            } else {
                pendingDash = true
            }
        }
        if slug.count > 60 { slug = String(slug.prefix(60)) }
        while slug.hasSuffix("-") { slug.removeLast() }
        if !slug.isEmpty && slug == id { return slug }
        let digest = SHA256.hash(data: Data(id.utf8))
        let hash = digest.prefix(4).map { String(format: "%02x", $0) }.joined()
        return slug.isEmpty ? "x-\(hash)" : "\(slug)-\(hash)"
    }
}
