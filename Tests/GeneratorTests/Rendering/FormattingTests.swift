// FormattingTests: numbers print the same way everywhere (digits, minus sign, p-values, intervals, counts).
import Testing
@testable import Generator

@Suite struct FormattingTests {
    @Test func fixedDigitsUseATrueMinusAndADashForMissing() {
        #expect(Formatting.fixed(0.43149, digits: 3) == "0.431")
        #expect(Formatting.fixed(-0.5, digits: 2) == "−0.50")
        #expect(Formatting.fixed(nil) == "–")
        #expect(Formatting.fixed(.nan) == "–")
        #expect(Formatting.fixed(.infinity) == "–")
    }

    @Test func significantDigitsSwitchToScientificForTinyValues() {
        #expect(Formatting.significant(0.012345) == "0.0123")
        #expect(Formatting.significant(0.00001234) == "1.23e-05")
        #expect(Formatting.significant(-2.5) == "−2.5")
        #expect(Formatting.significant(1234.5) == "1234")
        #expect(Formatting.significant(0) == "0")
    }

    @Test func pValuesIntervalsAndCounts() {
        #expect(Formatting.pValue(0.0004) == "< 0.001")
        #expect(Formatting.pValue(0.0312) == "0.031")
        #expect(Formatting.interval(0.01, 0.3) == "[0.010, 0.300]")
        #expect(Formatting.interval(nil, 0.3) == "–")
        #expect(Formatting.count(3210) == "3,210")
        #expect(Formatting.count(1_234_567) == "1,234,567")
        #expect(Formatting.count(-45) == "−45")
    }

    @Test func coordinatesAndWeightsAreShort() {
        #expect(Formatting.coordinate(12.0) == "12")
        #expect(Formatting.coordinate(12.34) == "12.3")
        #expect(Formatting.coordinate(-0.04) == "0")
        #expect(Formatting.weight(0.534) == ".53")
        #expect(Formatting.weight(0.05) == ".05")
        #expect(Formatting.weight(1.2) == "1")
        #expect(Formatting.weight(-1) == ".00")
    }
}
