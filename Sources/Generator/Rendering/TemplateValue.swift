// TemplateValue: a view model turned into nested dictionaries once, so templates look names up by hashing.

/// swift-mustache resolves every `{{name}}` with a fresh `Mirror` of each object on its context stack, which
/// dominates rendering time (thousands of lookups per example page). `flatten` reflects each object once into a
/// `[String: Any]` (which swift-mustache reads through `MustacheParent`) with exactly the same visible names:
/// stored properties only; nil optionals are left out, so they render empty and their sections are skipped,
/// as before. Strings, numbers and Booleans are kept as they are.
enum TemplateValue {
    static func flatten(_ value: Any) -> Any {
        switch value {
        case is String, is Bool, is Int, is Double, is Substring:
            return value
        case let array as [Any]:
            return array.map(flatten)
        default:
            break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.map { flatten($0.value) } as Any
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            dictionary.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                guard let label = child.label else { continue }
                let childMirror = Mirror(reflecting: child.value)
                if childMirror.displayStyle == .optional {
                    guard let wrapped = childMirror.children.first else { continue }
                    dictionary[label] = flatten(wrapped.value)
                } else {
                    dictionary[label] = flatten(child.value)
                }
            }
            return dictionary
        default:
            return value
        }
    }
}
