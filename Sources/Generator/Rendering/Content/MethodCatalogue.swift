// MethodCatalogue: the one table of what the site calls every method and baseline, and how it describes them.
import Core

/// Names and summaries come from the ids themselves (`MethodID` for trace methods, `BaselineID` for the
/// validation's baselines), so a new method is named where it is registered; an id neither knows is shown as is.
enum MethodCatalogue {
    static func name(_ id: String) -> String {
        MethodID(rawValue: id)?.displayName ?? BaselineID(rawValue: id)?.displayName ?? id
    }

    static func summary(_ id: String) -> String {
        MethodID(rawValue: id)?.summary ?? BaselineID(rawValue: id)?.summary ?? "A baseline."
    }

    /// The Methods page's entry for `id`.
    static func info(_ id: String) -> MethodInfo { MethodInfo(id: id, name: name(id), summary: summary(id)) }
}
