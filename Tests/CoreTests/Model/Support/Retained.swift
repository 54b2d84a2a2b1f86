// Retained: keeps test buffers alive for the whole test process when only their pointer is stored.
@testable import Core

extension FloatBuffer {
    /// The pointer of a buffer that is deliberately never freed (tests only; tiny sizes).
    var retained: UnsafeMutablePointer<Float> {
        _ = Unmanaged.passRetained(self)
        return pointer
    }
}
