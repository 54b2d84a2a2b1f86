// ParameterLayout: where each named parameter tensor lives inside the one flat arena.

/// The names, shapes and offsets of every parameter, in arena order.
///
/// Parameters, gradients and Adam's moments all use this layout, so the optimiser, clipping,
/// zeroing and saving are flat loops over `count` scalars; the names exist for checkpoints.
public struct ParameterLayout: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let shape: [Int]
        public let offset: Int
        public var count: Int { shape.reduce(1, *) }
    }

    public private(set) var entries: [Entry] = []
    /// Total scalars in the arena.
    public private(set) var count = 0
    private var indexByName: [String: Int] = [:]

    public init() {}

    /// Appends a tensor and returns its offset. Names must be unique.
    mutating func add(_ name: String, _ shape: [Int]) -> Int {
        precondition(indexByName[name] == nil, "duplicate parameter name \(name)")
        let offset = count
        indexByName[name] = entries.count
        entries.append(Entry(name: name, shape: shape, offset: offset))
        count += shape.reduce(1, *)
        return offset
    }

    public func entry(named name: String) -> Entry? {
        indexByName[name].map { entries[$0] }
    }
}
