// StatisticsError: why a statistic could not be computed (too few observations, constant or non-finite input).

/// Thrown by the statistics functions *before* any computation, so that a result never holds NaN or infinity.
///
/// Policy: a statistic whose inputs make it undefined throws; the validation layer catches the error and stores
/// `nil` plus the error's `description` as the reason, so the site shows "undefined: …" instead of a number.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Fewer observations than the statistic needs (e.g. a correlation needs 3 for its p-value).
    case tooFewObservations(n: Int, needed: Int)
    /// An input has zero variance, so the statistic divides by zero (e.g. a correlation with a constant variable).
    case constantInput(argument: String)
    /// An input holds NaN or an infinity.
    case nonFiniteInput(argument: String)
    /// Two inputs that must pair up have different lengths.
    case lengthMismatch(first: Int, second: Int)
    /// An argument is outside its domain (e.g. a confidence level outside (0, 1)).
    case invalidArgument(name: String, rule: String)

    public var description: String {
        switch self {
        case let .tooFewObservations(n, needed): "too few observations: \(n), needs at least \(needed)"
        case let .constantInput(argument): "\(argument) is constant (zero variance)"
        case let .nonFiniteInput(argument): "\(argument) holds NaN or infinity"
        case let .lengthMismatch(first, second): "paired inputs differ in length: \(first) and \(second)"
        case let .invalidArgument(name, rule): "\(name) must be \(rule)"
        }
    }
}

/// Input checks shared by the statistics functions; each throws the matching `StatisticsError`.
enum Check {
    static func finite(_ values: [Double], _ argument: String) throws {
        if values.contains(where: { !$0.isFinite }) { throw StatisticsError.nonFiniteInput(argument: argument) }
    }

    static func count(_ values: [Double], atLeast needed: Int) throws {
        if values.count < needed { throw StatisticsError.tooFewObservations(n: values.count, needed: needed) }
    }

    static func notConstant(_ values: [Double], _ argument: String) throws {
        guard let first = values.first, values.contains(where: { $0 != first }) else {
            throw StatisticsError.constantInput(argument: argument)
        }
    }

    static func sameLength(_ x: [Double], _ y: [Double]) throws {
        if x.count != y.count { throw StatisticsError.lengthMismatch(first: x.count, second: y.count) }
    }

    /// Both samples finite and each with at least `needed` values (x checked first).
    static func samples(_ x: [Double], _ y: [Double], atLeast needed: Int) throws {
        try finite(x, "x")
        try finite(y, "y")
        try count(x, atLeast: needed)
        try count(y, atLeast: needed)
    }

    /// Paired variables a correlation is defined on: equal lengths, finite, at least `needed` pairs, neither constant.
    static func rankablePairs(_ x: [Double], _ y: [Double], atLeast needed: Int) throws {
        try sameLength(x, y)
        try finite(x, "x")
        try finite(y, "y")
        try count(x, atLeast: needed)
        try notConstant(x, "x")
        try notConstant(y, "y")
    }

    static func level(_ level: Double) throws {
        if !(level > 0 && level < 1) { throw StatisticsError.invalidArgument(name: "level", rule: "in (0, 1)") }
    }
}
