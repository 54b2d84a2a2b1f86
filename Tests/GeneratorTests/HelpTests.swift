import Testing
@testable import Generator

@Suite struct HelpTests {
    @Test func rootCommandHasAbstract() {
        #expect(Atlas.configuration.commandName == "atlas")
        #expect(!Atlas.configuration.abstract.isEmpty)
    }
}
