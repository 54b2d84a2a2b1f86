// PageFactory+Control: the corpus page's model-randomisation table — methods × cascade steps, ρ and τ per cell.

struct ControlView: Sendable {
    var examples: String
    var steps: [String]
    var rows: [Row]
    /// The sentence the site states: which methods' agreement survives full randomisation, or that none does.
    var finding: String

    struct Row: Sendable {
        var method: String
        var methodHref: String
        var cells: [Cell]
    }

    struct Cell: Sendable {
        var rho: String
        var tau: String
        var hover: String
    }
}

extension PageFactory {
    func controlView(_ control: ControlContent, root: String) -> ControlView {
        let surviving = control.rows.filter(\.survives).map { methodName($0.methodID) }
        let finding = surviving.isEmpty
            ? "No method's agreement with the lexicon survives full randomisation: on the untrained model every interval reaches 0 or below."
            : "On the untrained model the agreement of " + surviving.joined(separator: ", ")
                + " with the lexicon is still above 0 (95% interval): there it measures the text (its words and their embeddings), not what the model learned."
        return ControlView(
            examples: Formatting.count(control.examples), steps: control.steps,
            rows: control.rows.map { row in
                .init(method: methodName(row.methodID), methodHref: root + paths.methods + "#" + methodAnchor(row.methodID),
                      cells: row.rho.indices.map { k in
                          .init(rho: Formatting.fixed(row.rho[k], digits: 3), tau: Formatting.fixed(row.tau[k], digits: 2),
                                hover: "ρ 95% CI " + Formatting.interval(row.lower[k], row.upper[k]))
                      })
            },
            finding: finding)
    }
}
