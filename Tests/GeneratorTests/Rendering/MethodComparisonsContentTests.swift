// MethodComparisonsContentTests: a summary's pairwise comparisons reach the corpus-page matrices, the CSV and the page.
import Core
import Foundation
import Testing
@testable import Generator

@Suite struct MethodComparisonsContentTests {
    @Test func matricesAreAntisymmetricAndFollowTheSummary() throws {
        let r = try FaithfulnessContentTests.results()
        let pairs = try #require(r.faithfulness?.pairwise[.comprehensiveness])
        let matrices = SiteContentBuilder.methodComparisons(r)
        #expect(matrices.map(\.statistic) == ["comprehensiveness AOPC", "AUPRC vs human rationale"])
        let matrix = matrices[0]
        #expect(matrix.methodIDs == ["lat", "context", "random"])
        for i in 0..<3 {
            #expect(matrix.cells[i][i] == nil)
            for j in 0..<3 where j != i {
                let a = try #require(matrix.cells[i][j]), b = try #require(matrix.cells[j][i])
                #expect(a.difference == -b.difference && a.lower == b.upper.map { -$0 } && a.holmP == b.holmP)
            }
        }
        let latContext = try #require(pairs.first { $0.first.method == .lat && $0.second.method == .context })
        #expect(matrix.cells[0][1]?.difference == latContext.meanDifference)
        #expect(matrix.cells[0][1]?.holmP == latContext.test.map { $0.adjusted?.holm ?? $0.pValue })
        // AUPRC is defined in one example only: compared, never tested.
        #expect(matrices[1].cells.flatMap { $0 }.compactMap { $0 }.allSatisfy { $0.holmP == nil && $0.n == 1 })
        let content = SiteContentBuilder.build(title: "t", results: [r], footer: "")
        #expect(content.corpora[0].methodComparisons == matrices)
    }

    @Test func csvGainsOneRowPerPairAndFigure() throws {
        let r = try FaithfulnessContentTests.results()
        let rows = SiteContentBuilder.methodComparisonStatistics(r)
        #expect(rows.count == r.faithfulness!.pairwise.values.reduce(0) { $0 + $1.count })
        #expect(DataFiles.csv(rows).contains("lat,,comprehensiveness AOPC (↑): difference lat − context,"))
    }

    @Test func cellsFormatSignAndMarker() {
        let factory = PageFactory(content: SiteContent.fixture())
        let significant = factory.comparisonCell(MethodComparisonCell(difference: 0.0213, lower: 0.01, upper: 0.03,
                                                                       holmP: 0.004, n: 9))
        #expect(significant.text == "+0.021*" && significant.isSignificant)
        #expect(significant.hover == "95% CI [0.010, 0.030], Holm p 0.004")
        let plain = factory.comparisonCell(MethodComparisonCell(difference: -0.0213, lower: nil, upper: nil, holmP: nil, n: 1))
        #expect(plain.text == "−0.021" && !plain.isSignificant && plain.hover == "95% CI –, not tested")
        #expect(factory.comparisonCell(MethodComparisonCell(difference: 0.0001, lower: 0, upper: 0, holmP: 0.5, n: 2)).text == "0.000")
        #expect(!factory.comparisonCell(nil).hasHover)
    }

    @Test func corpusPageShowsTheMatrix() async throws {
        let content = SiteContent.fixture()
        let site = try await SiteFixture.render(content)
        let page = try SiteFixture.read(site, SitePaths().corpus(content.corpora[0].id))
        #expect(page.contains("id=\"pairwise\"") && page.contains("class=\"stats pairwise\""))
        #expect(page.contains("*</b></td>") && page.contains("<td title=\"95% CI ["))
        #expect(page.contains("Holm p 0.200") && page.contains("not tested"))
        let methods = try SiteFixture.read(site, SitePaths().methods)
        #expect(methods.contains("<dt id=\"pairwise\">"))
    }
}
