// SiteRenderer+Narrative: the Narratives section's pages, as render jobs beside the corpus pages.

extension SiteRenderer {
    /// Pages of the Narratives section: one index per narrative corpus, one page per narrative.
    func narrativePageCount(_ content: SiteContent) -> Int {
        content.narratives.reduce(0) { $0 + 1 + $1.narratives.count }
    }

    /// The paths the section writes, with what each is (for the duplicate-path check).
    func narrativePaths(_ content: SiteContent) -> [(path: String, what: String)] {
        content.narratives.flatMap { corpus in
            [(paths.narratives(corpus.id), "narrative corpus \(corpus.id)")]
                + corpus.narratives.map { (paths.narrative(corpus: corpus.id, narrative: $0.id), "narrative \($0.id)") }
        }
    }

    func narrativeJobs(_ content: SiteContent, factory: PageFactory, writer: SiteWriter) -> [@Sendable () throws -> Void] {
        var jobs: [@Sendable () throws -> Void] = []
        for corpus in content.narratives {
            jobs.append {
                try writer.write(try templates.render(factory.makeNarrativeIndexPage(for: corpus), with: "pages/narratives"),
                                 to: paths.narratives(corpus.id))
            }
            for (index, narrative) in corpus.narratives.enumerated() {
                jobs.append {
                    try writer.write(try templates.render(factory.makeNarrativePage(for: narrative, in: corpus, index: index),
                                                          with: "pages/narrative"),
                                     to: paths.narrative(corpus: corpus.id, narrative: narrative.id))
                }
            }
        }
        return jobs
    }
}
