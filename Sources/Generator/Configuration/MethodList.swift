// MethodList: a list of method ids from the command line or a configuration, checked against the known ones.
import Core
import Foundation

/// An id that names no method, with the list of those that do.
struct MethodListError: Error, CustomStringConvertible {
    var unknown: [String]
    var description: String {
        "unknown method\(unknown.count == 1 ? "" : "s") \(unknown.joined(separator: ", ")); "
            + "known: \(MethodID.allCases.map(\.rawValue).joined(separator: ", "))"
    }
}

extension MethodID {
    /// The methods named by `names` (ids as in the trace files), in table order, without repeats; throws naming
    /// every unknown id. An empty list is an error too (nothing would be traced).
    static func list(_ names: [String]) throws -> [MethodID] {
        let trimmed = names.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let unknown = trimmed.filter { MethodID(rawValue: $0) == nil }
        guard unknown.isEmpty, !trimmed.isEmpty else { throw MethodListError(unknown: unknown.isEmpty ? ["(none)"] : unknown) }
        return Set(trimmed.compactMap(MethodID.init(rawValue:))).sorted()
    }

    /// One entry per method for `--help`: the id, then what it computes, wrapped under itself to 78 columns
    /// (the help's own wrapping would lose the hanging indent).
    static var helpLines: String {
        let width = (allCases.map(\.rawValue.count).max() ?? 0) + 4
        let indent = String(repeating: " ", count: width)
        return allCases.map { method in
            var lines = [String](), line = "  " + method.rawValue.padding(toLength: width - 2, withPad: " ", startingAt: 0)
            for word in method.summary.split(separator: " ") {
                if line.count + word.count + 1 > 78, line.count > width {
                    lines.append(line)
                    line = indent
                }
                line += (line.count == width ? "" : " ") + word
            }
            lines.append(line)
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
