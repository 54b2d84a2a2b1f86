// DataSplit: the standard train / dev / test partition of a corpus.

public enum DataSplit: String, Codable, Sendable, CaseIterable {
    case train, dev, test
}
