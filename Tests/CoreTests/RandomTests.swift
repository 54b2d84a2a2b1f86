import Testing
@testable import Core

@Suite struct RandomTests {
    @Test func sameSeedSameSequence() {
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        for _ in 0..<100 { #expect(a.next() == b.next()) }
    }

    /// First outputs of SplitMix64 for seed 0, as printed by the reference C implementation
    /// (Vigna, splitmix64.c): 0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f.
    @Test func matchesReferenceImplementation() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func unitFloatsInRange() {
        var g = SplitMix64(seed: 7)
        for _ in 0..<10_000 {
            let x = g.nextUnitFloat()
            #expect(x >= 0 && x < 1)
        }
    }
}
