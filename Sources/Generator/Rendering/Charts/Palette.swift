// Palette: colour classes for charts and highlights (the colours themselves live in Templates/assets/style.css).

/// Colour choices are CSS classes so that light and dark mode can differ without touching the SVG.
/// - categorical `c0…c8`: Okabe–Ito colours (colour-blind safe), one per method;
/// - sequential `s0…s9` (attention, non-negative) and diverging `n1…n9` / `p1…p9` (signed scores),
///   whose strength grows with |score| / max |score|;
/// - valence `v1…v9`: a purple–orange diverging scale over the 1–9 rating (5 = neutral).
enum Palette {
    static func categorical(_ index: Int) -> String { "c\(index % 9)" }

    /// The heat class of `value` given the largest magnitude of its vector.
    static func heat(_ value: Double, maxMagnitude: Double, isSigned: Bool) -> String {
        guard maxMagnitude > 0, value.isFinite else { return isSigned ? "p0" : "s0" }
        let level = Int((abs(value) / maxMagnitude * 9).rounded())
        if !isSigned { return "s\(level)" }
        return level == 0 ? "p0" : (value < 0 ? "n\(level)" : "p\(level)")
    }

    /// The valence class of a 1–9 rating (nil: not rated).
    static func valence(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "v0" }
        return "v\(min(9, max(1, Int(value.rounded()))))"
    }
}
