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

extension ParameterLayout {
    /// Checks that `tensors` are exactly this layout's: every name known, none missing or repeated, every
    /// shape matching. The error names the tensor; `source` is the checkpoint's name.
    func check(_ tensors: [(name: String, tensor: Tensor)], source: String) throws {
        var seen = Set<String>()
        for (name, tensor) in tensors {
            guard let entry = entry(named: name) else {
                throw AtlasError(source: source, message: "unknown tensor \"\(name)\"",
                                 hint: "the checkpoint does not belong to this model configuration")
            }
            guard entry.shape == tensor.shape else {
                throw AtlasError(source: source,
                                 message: "tensor \"\(name)\" has shape \(tensor.shape), the model expects \(entry.shape)",
                                 hint: "the checkpoint was saved with a different model configuration")
            }
            guard seen.insert(name).inserted else {
                throw AtlasError(source: source, message: "tensor \"\(name)\" appears twice")
            }
        }
        if let missing = entries.first(where: { !seen.contains($0.name) }) {
            throw AtlasError(source: source, message: "tensor \"\(missing.name)\" is missing",
                             hint: "the checkpoint is incomplete or from another model")
        }
    }

    /// Copies checked `tensors` into the arena at `p`.
    func copy(_ tensors: [(name: String, tensor: Tensor)], into p: UnsafeMutablePointer<Float>) {
        for (name, tensor) in tensors {
            let entry = entry(named: name)!
            tensor.withUnsafeBufferPointer { (p + entry.offset).update(from: $0.baseAddress!, count: entry.count) }
        }
    }
}
