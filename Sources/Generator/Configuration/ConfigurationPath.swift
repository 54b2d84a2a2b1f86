// ConfigurationPath: a path written in a configuration file, read from that file's folder.

enum ConfigurationPath {
    /// `path` as the user wrote it, joined to the configuration's folder (`baseDirectory`) unless it is absolute;
    /// "." (no file: a profile, a test) leaves it relative to the current folder.
    static func resolve(_ path: String, from baseDirectory: String) -> String {
        if path.hasPrefix("/") || baseDirectory == "." { return path }
        return baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
    }
}
