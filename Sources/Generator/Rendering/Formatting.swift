// Formatting: numbers as the pages show them (fixed digits, p-values, intervals), locale-independent.
import Foundation

/// Number formatting for view models. Every number reaches a template as a string made here,
/// so the same value always prints the same way (byte-identical sites).
enum Formatting {
    /// `value` with `digits` digits after the point; "−" for a minus sign; "–" for nil or non-finite.
    static func fixed(_ value: Double?, digits: Int = 3) -> String {
        guard let value, value.isFinite else { return "–" }
        let text = String(format: "%.\(max(0, digits))f", value)
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// A count in words up to twenty, as prose writes it ("eight other methods"); numerals above.
    static func spelledOut(_ n: Int) -> String {
        let words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
        return words.indices.contains(n) ? words[n] : String(n)
    }

    /// Three significant digits, switching to scientific notation below 0.001 (e.g. attention scores).
    static func significant(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        let magnitude = abs(value)
        let text: String
        if magnitude != 0 && (magnitude < 0.001 || magnitude >= 100_000) {
            text = String(format: "%.2e", value)
        } else if magnitude >= 100 {
            text = String(format: "%.0f", value)
        } else {
            text = String(format: "%.3g", value)
        }
        return text.hasPrefix("-") ? "−" + text.dropFirst() : text
    }

    /// p-values: "< 0.001" below a thousandth, else three digits.
    static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return "–" }
        return p < 0.001 ? "< 0.001" : String(format: "%.3f", p)
    }

    /// "[lower, upper]" or "–".
    static func interval(_ lower: Double?, _ upper: Double?, digits: Int = 3) -> String {
        guard let lower, let upper else { return "–" }
        return "[\(fixed(lower, digits: digits)), \(fixed(upper, digits: digits))]"
    }

    /// A count with thin grouping ("3,210").
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var grouped = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped.append(",") }
            grouped.append(character)
        }
        return n < 0 ? "−" + grouped : grouped
    }

    /// A coordinate for SVG: at most one decimal, no trailing ".0", plain ASCII minus.
    static func coordinate(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(format: "%.1f", rounded)
    }

    /// A weight in [0, 1] with two decimals for CSS (e.g. `--w:.53`).
    static func weight(_ value: Double) -> String {
        let clamped = min(1, max(0, value.isFinite ? value : 0))
        let hundredths = Int((clamped * 100).rounded())
        if hundredths == 100 { return "1" }
        return hundredths < 10 ? ".0\(hundredths)" : ".\(hundredths)"
    }
}
