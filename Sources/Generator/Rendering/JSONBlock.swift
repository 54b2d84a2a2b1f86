// JSONBlock: small hand-written JSON for pages' data attributes, safe anywhere in HTML.
import Foundation

/// Builds compact JSON text for the scripts. Strings are escaped for JSON, and `<`, `>`, `&` and `'` become
/// `\u003c`-style escapes so that the text stays inert even inside a `<script>` element (no `</script>`).
/// Pages carry it unescaped (`{{{…}}}`) in `<script type="application/json">` blocks: with `<`, `>` and `&` escaped
/// by JSON itself the text can neither close the element nor trip the XML checker, and it costs no `&quot;`.
enum JSONBlock {
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "'": out += "\\u0027"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func object(_ pairs: [(String, String)]) -> String {
        "{" + pairs.map { string($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
    }

    /// Packs scores as two characters each (URL-safe base64 digits, 12 bits): value = round(x / scale · 2047) + 2048,
    /// where scale = max |x| of the vector, so the decoded x has about 3.5 significant digits relative to the vector's maximum.
    /// Returns the scale (formatted with 4 significant digits) and the packed text.
    static func packScores(_ scores: [Double]) -> (scale: String, packed: String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)
        let finite = scores.map { $0.isFinite ? $0 : 0 }
        let scale = finite.map(abs).max() ?? 0
        var packed = String.UnicodeScalarView()
        for value in finite {
            let code = scale > 0 ? Int((value / scale * 2047).rounded()) + 2048 : 2048
            let clamped = min(4095, max(1, code))
            packed.append(alphabet[clamped >> 6])
            packed.append(alphabet[clamped & 63])
        }
        return (scale > 0 ? String(format: "%.4g", scale) : "0", String(packed))
    }
}
