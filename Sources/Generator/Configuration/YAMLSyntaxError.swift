// YAMLSyntaxError: a Yams parse error as an AtlasError at its line and column, with the offending line quoted.
import Core
import Foundation
import Yams

extension SiteConfiguration {
    /// `error`, thrown while reading `yaml`, as `source:line:column: problem` with the line and a hint.
    static func syntaxError(_ error: YamlError, yaml: String, source: String) -> AtlasError {
        var message: String, mark: (line: Int, column: Int)?, hint = "check the indentation and the quoting near the line named"
        switch error {
        case .scanner(let context, let problem, let problemMark, _),
             .parser(let context, let problem, let problemMark, _),
             .composer(let context, let problem, let problemMark, _):
            (message, mark) = (problem, (problemMark.line, problemMark.column))
            if let context {
                message += " \(context.text)"
                // At the end of the input the problem's mark is past everything; where the unfinished construct
                // (a quoted value, a flow list) began is where to look.
                if problem.contains("end of stream") {
                    mark = (context.mark.line, context.mark.column)
                } else if (context.mark.line, context.mark.column) != (problemMark.line, problemMark.column) {
                    message += " (from line \(context.mark.line), column \(context.mark.column))"
                }
                if context.text.contains("quoted scalar") {
                    hint = "close the quote that opens here, or escape the quote characters inside the value"
                }
            }
        case .reader(let problem, let offset, _, _):
            message = problem
            mark = offset.flatMap { Self.mark(ofCharacter: $0, in: yaml) }
        case .duplicatedKeysInMapping(let duplicates, let context):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            message = "\(names) \(duplicates.count == 1 ? "is" : "are") given more than once in the same mapping"
            mark = context.mark.line >= 1 ? (context.mark.line, context.mark.column) : nil
            hint = "keep one of each field"
        default:
            message = "\(error)"
        }
        let line = mark.flatMap { Self.line($0.line, of: yaml) }
        if line?.contains("\t") == true {
            hint = "YAML indents with spaces only: replace the tab on this line with spaces"
        }
        return AtlasError(source: source, line: mark?.line, column: mark?.column, message: message, hint: hint,
                          excerpt: line.map { AtlasError.excerpt(of: $0) })
    }

    /// The excerpt of the 1-based line `number` of `yaml`, nil past its end.
    static func excerpt(line number: Int, of yaml: String) -> String? {
        line(number, of: yaml).map { AtlasError.excerpt(of: $0) }
    }

    private static func line(_ number: Int, of yaml: String) -> Substring? {
        let lines = yaml.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        return number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// The 1-based line and column (in characters) of the character at `offset`.
    private static func mark(ofCharacter offset: Int, in yaml: String) -> (line: Int, column: Int)? {
        guard offset >= 0, offset <= yaml.count else { return nil }
        let before = yaml.prefix(offset)
        let line = before.count { $0.isNewline } + 1
        let column = before.reversed().prefix { !$0.isNewline }.count + 1
        return (line, column)
    }
}
