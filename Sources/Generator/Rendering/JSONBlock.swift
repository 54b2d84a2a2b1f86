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

    /// The 64 URL-safe base64 digits; a digit's index is its code.
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".unicodeScalars)

    /// Packs scores as one base64 digit each (6 bits), relative to scale = max |x| of the vector:
    /// unsigned code = round(x / scale · 63) (0…63); signed code = round(x / scale · 31) + 32 (1…63).
    /// The decoded x is within scale/126 (unsigned) or scale/62 (signed) of x: ample for the 10 shades of the
    /// palette and a two-digit hover value, at half the bytes of 12 bits (the site's 60 MB budget; the trace downloads
    /// have 3 significant digits, `atlas trace` full precision). Returns the scale (4 significant digits) and the packed text.
    static func packScores(_ scores: [Double], isSigned: Bool) -> (scale: String, packed: String) {
        let finite = scores.map { $0.isFinite ? $0 : 0 }
        let scale = finite.map(abs).max() ?? 0
        var packed = String.UnicodeScalarView()
        for value in finite {
            let ratio = scale > 0 ? value / scale : 0
            let code = isSigned ? min(63, max(1, Int((ratio * 31).rounded()) + 32)) : min(63, max(0, Int((ratio * 63).rounded())))
            packed.append(alphabet[code])
        }
        return (scale > 0 ? String(format: "%.4g", scale) : "0", String(packed))
    }

    /// The decoder of Templates/assets/site.js, in Swift (for tests and for anything that reads the pages back).
    static func unpackScores(_ packed: String, scale: Double, isSigned: Bool) -> [Double] {
        packed.unicodeScalars.map { scalar in
            let code = Double(alphabet.firstIndex(of: scalar) ?? 0)
            return isSigned ? (code - 32) / 31 * scale : code / 63 * scale
        }
    }
}
