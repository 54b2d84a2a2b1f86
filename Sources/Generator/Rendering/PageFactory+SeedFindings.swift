// PageFactory+SeedFindings: the home page's sentences on what holds across training seeds, from the pairwise table.
import Core

/// One corpus's finding: LAT against every other method on the headline lexicon statistic, split by whether the
/// ordering holds in every seed. Nothing is called higher or lower unless it is so in each seed.
struct SeedFinding: Sendable {
    var corpus: String
    var href: String
    var text: String
}

extension PageFactory {
    func seedFindings(root: String) -> [SeedFinding] {
        content.corpora.compactMap { corpus -> SeedFinding? in
            guard let seeds = corpus.seeds else { return nil }
            let lat = MethodID.lat.rawValue, k = seeds.seeds.count
            var higher: [String] = [], lower: [String] = [], mixed: [String] = []
            for pair in seeds.pairs where pair.first == lat || pair.second == lat {
                let sign: Double = pair.first == lat ? 1 : -1
                let other = methodName(pair.first == lat ? pair.second : pair.first)
                let differences = pair.perSeed.map { sign * $0 }
                let wins = differences.filter { $0 > 0 }.count, losses = differences.filter { $0 < 0 }.count
                let lowerBound = sign > 0 ? pair.lower : pair.upper.map { -$0 }
                let upperBound = sign > 0 ? pair.upper : pair.lower.map { -$0 }
                let detail = "\(Formatting.fixed(sign * pair.meanDifference)) \(Formatting.interval(lowerBound, upperBound)), "
                    + "Holm p \(Formatting.pValue(pair.holm))"
                if wins == k { higher.append("\(other) (\(detail))") }
                else if losses == k { lower.append("\(other) (\(detail))") }
                else { mixed.append("\(other) (LAT higher in \(wins) of \(k))") }
            }
            var parts: [String] = []
            if !higher.isEmpty { parts.append("higher in every seed than that of " + higher.joined(separator: "; ")) }
            if !lower.isEmpty { parts.append("lower in every seed than that of " + lower.joined(separator: "; ")) }
            if !mixed.isEmpty { parts.append("in no order that holds in every seed against " + mixed.joined(separator: "; ")) }
            guard !parts.isEmpty else { return nil }
            let text = "Across \(Formatting.spelledOut(k)) training seeds, LAT's \(seeds.statistic) (mean difference, "
                + "hierarchical bootstrap 95% interval) is " + parts.joined(separator: "; and ") + "."
            return SeedFinding(corpus: corpus.name, href: root + paths.corpus(corpus.id) + "#seeds", text: text)
        }
    }
}
