// SSTRationaleTests: human rationales (Carton et al. 2020) on hand-written trees.
import Testing
@testable import Core

@Suite struct SSTRationaleTests {
    static func rationale(_ tree: String) throws -> [Double] {
        humanRationale(try SSTParser.parseTree(tree[...], source: "t", line: 1))
    }

    /// Root |v| = 0.5, descendants reach 1 ("great" = 4), so the root is not explanatory.
    /// (2 The film): |0| is not > |0| of its leaves → leaves, each vacuously explanatory with 0.
    /// (4 is great): |1| is not > |1| ("great") → down: "is" 0, "great" 1.
    @Test func handWorkedSentence() throws {
        #expect(try Self.rationale("(3 (2 (2 The) (2 film)) (4 (2 is) (4 great)))") == [0, 0, 0, 1])
    }

    /// (0 (2 not) (2 good)): |1| > 0 for every descendant → both leaves take 1.
    @Test func explanatoryPhraseCoversNeutralLeaves() throws {
        #expect(try Self.rationale("(1 (2 It) (0 (2 not) (2 good)))") == [0, 1, 1])
    }

    /// Ties are not explanatory: (3 (3 a) (2 b)) → |0.5| is not > |0.5| of "a".
    @Test func tieIsNotExplanatory() throws {
        #expect(try Self.rationale("(3 (3 a) (2 b))") == [0.5, 0])
    }

    @Test func allNeutralIsAllZero() throws {
        #expect(try Self.rationale("(2 (2 a) (2 (2 b) (2 c)))") == [0, 0, 0])
    }

    @Test func singleLeafTree() throws {
        #expect(try Self.rationale("(4 wonderful)") == [1])
    }

    /// The first explanatory phrase from the top wins even if a lower one is weaker:
    /// (4 (3 a) (2 b)) is explanatory (1 > 0.5, 0), so "b" gets 1, not 0.
    @Test func outermostExplanatoryPhraseWins() throws {
        #expect(try Self.rationale("(2 (4 (3 a) (2 b)) (1 c))") == [1, 1, 0.5])
    }
}
