// Array+Safe: an element by index, or nil outside the array.

extension Array {
    public subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
