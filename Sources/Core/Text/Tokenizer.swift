// Tokenizer: turns raw text into the word tokens a vocabulary encodes.

/// Anything that splits raw text into tokens deterministically.
public protocol Tokenizer: Sendable {
    func tokenize(_ text: String) -> [String]
}
