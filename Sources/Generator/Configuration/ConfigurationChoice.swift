// ConfigurationChoice: the fields whose value is one of a closed list (task, profile, methods), so that a value
// outside it is reported with what was found and every value accepted, in the configuration's words.
import Core
import Foundation

/// A string enum a configuration field names a case of.
protocol ConfigurationChoice: RawRepresentable<String>, CaseIterable {
    /// One value, with its article ("a task"), as in "'sst7' is not a task".
    static var singular: String { get }
    /// Several values ("tasks"), as in "the tasks are sst5, sst2".
    static var plural: String { get }
}

extension ConfigurationChoice {
    /// What to say about `found`, which names no case: e.g. "'sst7' is not a task; the tasks are sst5, sst2, …".
    static func refusal(of found: String) -> String {
        "'\(found)' is not \(singular); the \(plural) are \(allCases.map(\.rawValue).joined(separator: ", "))"
    }

    /// Decodes one string; one that names no case throws at the decoder's coding path, so that the error gets
    /// the field's name and line.
    init(choiceFrom decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        let found = try container.decode(String.self)
        guard let value = Self(rawValue: found) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: Self.refusal(of: found))
        }
        self = value
    }
}

// The enums decoded from the configuration use `init(choiceFrom:)` instead of the standard library's decoder,
// whose error ("Cannot initialize TaskID from invalid String value sst7") names neither the field's words nor
// the values accepted. `MethodID` is Core's and keeps Core's decoder: `methods:` is decoded as strings and
// checked one by one (CorpusSettings.init(from:)).

extension TaskID: ConfigurationChoice {
    static let singular = "a task", plural = "tasks"
    init(from decoder: Decoder) throws { try self.init(choiceFrom: decoder) }
}

extension Profile: ConfigurationChoice {
    static let singular = "a profile", plural = "profiles"
    init(from decoder: Decoder) throws { try self.init(choiceFrom: decoder) }
}

extension MethodID: ConfigurationChoice {
    static let singular = "a method", plural = "methods"
}

extension KeyedDecodingContainer {
    /// The list of strings at `key` (nil when absent), each one a case of `T`; the first that is not is reported
    /// at its place in the list (`methods[2]`). Blank entries are left to the caller.
    func choiceNames<T: ConfigurationChoice>(_ type: T.Type, forKey key: Key) throws -> [String]? {
        guard let names = try decodeIfPresent([String].self, forKey: key) else { return nil }
        for (index, name) in names.enumerated() {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            if !trimmed.isEmpty, T(rawValue: trimmed) == nil {
                throw DecodingError.dataCorrupted(.init(codingPath: codingPath + [key, ListIndex(index)],
                                                        debugDescription: T.refusal(of: trimmed)))
            }
        }
        return names
    }
}

/// A position in a YAML list, as a coding key.
struct ListIndex: CodingKey {
    var intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(_ index: Int) { intValue = index }
    init?(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
