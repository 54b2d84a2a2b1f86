// WordTokenizerTests: PTB-like tokens as SST has them, case by case, plus a check against SST's own leaves.
import Testing
@testable import Core

@Suite struct WordTokenizerTests {
    let tokenizer = WordTokenizer()

    @Test(arguments: [
        ("I don't like it.", ["I", "do", "n't", "like", "it", "."]),
        ("We can't, won't and cannot go", ["We", "ca", "n't", ",", "wo", "n't", "and", "can", "not", "go"]),
        ("It's what they'll say we'd've", ["It", "'s", "what", "they", "'ll", "say", "we'd", "'ve"]),
        ("I'm sure you're right", ["I", "'m", "sure", "you", "'re", "right"]),
        ("A well-made film -- sort of...", ["A", "well-made", "film", "--", "sort", "of", "..."]),
        ("Wait…what?!", ["Wait", "...", "what", "?", "!"]),
        ("She said \"hello\" (twice).", ["She", "said", "``", "hello", "''", "(", "twice", ")", "."]),
        ("“Curly” quotes’ test", ["``", "Curly", "''", "quotes", "'", "test"]),
        ("Mr. Smith met Ms. Jones in the U.S. today.", ["Mr.", "Smith", "met", "Ms.", "Jones", "in", "the", "U.S.", "today", "."]),
        ("It cost $1,000 at 10:30; fine", ["It", "cost", "$", "1,000", "at", "10:30", ";", "fine"]),
        ("writer/director 100% of the '70s", ["writer/director", "100", "%", "of", "the", "'70s"]),
        ("the dogs' bones", ["the", "dogs", "'", "bones"]),
        ("'Hello,' he said", ["`", "Hello", ",", "'", "he", "said"]),
        ("Remember what she said? \"", ["Remember", "what", "she", "said", "?", "''"]),
        ("..I did.\"", ["...", "I", "did", ".", "''"]),
        ("He said 'yes.' So did I.", ["He", "said", "`", "yes", ".", "'", "So", "did", "I", "."]),
        ("J. Lo and E.T. arrived at 5 p.m.", ["J.", "Lo", "and", "E.T.", "arrived", "at", "5", "p.m."]),
        ("  ", []),
    ])
    func tokenizes(text: String, expected: [String]) {
        #expect(tokenizer.tokenize(text) == expected)
    }

    @Test func isDeterministic() {
        let text = "Don't stop -- \"ever\"... It's 8:30, Mr. Jones!"
        #expect(tokenizer.tokenize(text) == tokenizer.tokenize(text))
    }
}
