// TemplateLibrary: the Templates/ folder loaded with swift-mustache; a missing template is an error.
import Foundation
import Mustache

/// The site's templates (`Templates/**/*.mustache`, named by relative path without extension) and assets.
public struct TemplateLibrary: Sendable {
    public let directory: URL
    let library: MustacheLibrary

    /// `--templates`' default: `Templates` in the current directory.
    public static let defaultDirectory = "Templates"

    /// Loads every template under `directory` (e.g. `--templates Templates`).
    public init(directory: URL) async throws {
        self.directory = directory.standardizedFileURL
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError(template: directory.path, message: "no templates folder here (use --templates DIR)")
        }
        do {
            library = try await MustacheLibrary(directory: self.directory.path)
        } catch let error as MustacheLibrary.ParserError {
            throw RenderError(template: error.filename,
                              message: "line \(error.context.lineNumber), column \(error.context.columnNumber): \(error.error)")
        }
    }

    /// The folder copied verbatim to `assets/`.
    public var assets: URL { directory.appendingPathComponent("assets") }

    public func hasTemplate(_ name: String) -> Bool { library.getTemplate(named: name) != nil }

    /// Renders `object` with the template `name`; a missing template is an error rather than nil.
    /// The object is flattened first (`TemplateValue`), which renders the same text several times faster.
    public func render(_ object: Any, with name: String) throws -> String {
        guard let text = library.render(TemplateValue.flatten(object), withTemplate: name) else {
            throw RenderError(template: name, message: "no such template in \(directory.path)")
        }
        return text
    }
}

public struct RenderError: Error, Equatable, CustomStringConvertible {
    public var template: String
    public var message: String
    public var description: String { "\(template): \(message)" }
}
