// SiteChecker: parses every written page and SVG with libxml2 and resolves every internal link and asset.
import CLibXML2
import Foundation

/// One problem in the written site: the file (relative to the site root), the line (0 = unknown) and what is wrong.
public struct CheckProblem: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var message: String
    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }
    public var description: String { "\(file):\(line): \(message)" }
}

/// The site failed its checks; `problems` lists each one.
public struct SiteCheckError: Error, CustomStringConvertible {
    public var problems: [CheckProblem]
    public var description: String {
        "the site has \(problems.count) problem\(problems.count == 1 ? "" : "s"):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// Checks a written site folder:
/// 1. every `.html`, `.xhtml` and `.svg` file is well-formed XML (libxml2's XML parser, no network);
/// 2. every relative `href`/`src` (and SVG `xlink:href`) points to a file inside the site, and a `#fragment`
///    to an `id` on that page; absolute paths (`/x`) are problems (they break when opened from disk), and so are
///    external scripts, stylesheets and images (the site must work offline). External `<a href>` links are fine.
public struct SiteChecker: Sendable {
    public var threads: Int
    public init(threads: Int = 2) { self.threads = threads }

    public func check(site folder: URL) throws -> [CheckProblem] {
        let root = folder.standardizedFileURL.path
        let files = try Self.listFiles(root)
        let fileSet = Set(files)
        let documents = files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".svg") || $0.hasSuffix(".xhtml") }
        xmlInitParser()
        let results = LockedSlots(count: documents.count, initial: ParseResult())
        let jobs: [@Sendable () throws -> Void] = documents.enumerated().map { index, file in
            { results.set(Self.parse(root: root, file: file), at: index) }
        }
        try runInParallel(jobs, threads: threads, progress: nil)
        let parsed = results.values
        var ids: [String: Set<String>] = [:]
        for (file, result) in zip(documents, parsed) { ids[file] = result.ids }

        var problems: [CheckProblem] = []
        for (file, result) in zip(documents, parsed) {
            problems += result.problems
            for link in result.links {
                if let message = Self.resolve(link, from: file, files: fileSet, ids: ids) {
                    problems.append(CheckProblem(file: file, line: link.line, message: message))
                }
            }
        }
        return problems
    }

    /// Throws `SiteCheckError` listing every problem, if there is any.
    public func checkOrThrow(site folder: URL) throws {
        let problems = try check(site: folder)
        if !problems.isEmpty { throw SiteCheckError(problems: problems) }
    }

    struct Link: Sendable {
        var value: String
        var line: Int
        var element: String
        var attribute: String
    }

    struct ParseResult: Sendable {
        var problems: [CheckProblem] = []
        var links: [Link] = []
        var ids: Set<String> = []
    }

    /// Returns the problem with `link`, or nil when it resolves.
    static func resolve(_ link: Link, from file: String, files: Set<String>, ids: [String: Set<String>]) -> String? {
        let value = link.value.trimmingCharacters(in: .whitespaces)
        let lower = value.lowercased()
        if let colon = lower.firstIndex(of: ":"), lower[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) {
            let scheme = String(lower[..<colon])
            if scheme == "data" || scheme == "mailto" { return nil }
            if link.element == "a" && (scheme == "http" || scheme == "https") { return nil }
            return "external \(link.attribute) “\(value)” on <\(link.element)>: the site must work offline"
        }
        if value.hasPrefix("//") { return "external \(link.attribute) “\(value)”: the site must work offline" }
        if value.hasPrefix("/") { return "absolute path “\(value)” breaks when the site is opened from disk; use a relative link" }
        var target = value
        var fragment: String?
        if let hash = target.firstIndex(of: "#") {
            fragment = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let query = target.firstIndex(of: "?") { target = String(target[..<query]) }
        var resolved: String
        if target.isEmpty {
            resolved = file
        } else {
            let decoded = target.removingPercentEncoding ?? target
            var parts = file.split(separator: "/").dropLast().map(String.init)
            for component in decoded.split(separator: "/", omittingEmptySubsequences: false) {
                switch component {
                case "", ".": continue
                case "..":
                    if parts.isEmpty { return "link “\(value)” leaves the site" }
                    parts.removeLast()
                default: parts.append(String(component))
                }
            }
            resolved = parts.joined(separator: "/")
            if target.hasSuffix("/") || files.contains(resolved + "/index.html") && !files.contains(resolved) {
                resolved += resolved.isEmpty ? "index.html" : "/index.html"
            }
        }
        guard files.contains(resolved) else { return "broken link “\(value)”: no file \(resolved)" }
        if let fragment, !fragment.isEmpty, let known = ids[resolved], !known.contains(fragment.removingPercentEncoding ?? fragment) {
            return "broken link “\(value)”: no id “\(fragment)” in \(resolved)"
        }
        return nil
    }

    static func listFiles(_ root: String) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: root) else {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: root])
        }
        var files: [String] = []
        for case let path as String in enumerator {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files.append(path)
            }
        }
        return files.sorted()
    }

    /// Parses one file with libxml2's XML parser (no network, no entity loading) and collects links and ids.
    static func parse(root: String, file: String) -> ParseResult {
        var result = ParseResult()
        guard let data = FileManager.default.contents(atPath: root + "/" + file) else {
            result.problems.append(CheckProblem(file: file, line: 0, message: "cannot read the file"))
            return result
        }
        guard let context = xmlNewParserCtxt() else {
            result.problems.append(CheckProblem(file: file, line: 0, message: "libxml2 could not make a parser"))
            return result
        }
        defer { xmlFreeParserCtxt(context) }
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document = data.withUnsafeBytes { buffer in
            xmlCtxtReadMemory(context, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(buffer.count),
                              file, "UTF-8", options)
        }
        if document == nil || context.pointee.wellFormed == 0 {
            if let error = xmlCtxtGetLastError(context) {
                let message = error.pointee.message.map { String(cString: $0) }?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "not well-formed"
                result.problems.append(CheckProblem(file: file, line: Int(error.pointee.line), message: "not well-formed XML: " + message))
            } else {
                result.problems.append(CheckProblem(file: file, line: 0, message: "not well-formed XML"))
            }
            if let document { xmlFreeDoc(document) }
            return result
        }
        guard let document else { return result }
        defer { xmlFreeDoc(document) }
        walk(xmlDocGetRootElement(document), into: &result)
        return result
    }

    private static func walk(_ start: xmlNodePtr?, into result: inout ParseResult) {
        var node = start
        while let current = node {
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = String(cString: current.pointee.name)
                var attribute = current.pointee.properties
                while let attr = attribute {
                    let name = String(cString: attr.pointee.name)
                    if name == "id" || name == "href" || name == "src" {
                        let value = attributeValue(current, attr)
                        if name == "id" {
                            result.ids.insert(value)
                        } else if !(element == "a" && value.isEmpty) {
                            result.links.append(Link(value: value, line: Int(xmlGetLineNo(current)), element: element, attribute: name))
                        }
                    }
                    attribute = attr.pointee.next
                }
                walk(current.pointee.children, into: &result)
            }
            node = current.pointee.next
        }
    }

    /// The attribute's text: the parser has already replaced character and predefined entity references.
    private static func attributeValue(_ node: xmlNodePtr, _ attr: xmlAttrPtr) -> String {
        var value = ""
        var child = attr.pointee.children
        while let text = child {
            if let content = text.pointee.content { value += String(cString: content) }
            child = text.pointee.next
        }
        return value
    }
}
