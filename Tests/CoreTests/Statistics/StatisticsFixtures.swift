// StatisticsFixtures: loads the scipy reference numbers and compares with a relative tolerance that reports inputs.
import Foundation
import Testing

/// The JSON made by Tests/scripts/make_statistics_fixtures.py, as nested dictionaries.
enum StatisticsFixtures {
    static func load(_ name: String) throws -> [String: Any] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json",
                                                 subdirectory: "Fixtures/statistics"))
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }
}

extension Dictionary where Key == String, Value == Any {
    func double(_ key: String) -> Double { (self[key] as! NSNumber).doubleValue }
    func doubles(_ key: String) -> [Double] { (self[key] as! [NSNumber]).map(\.doubleValue) }
    func object(_ key: String) -> [String: Any] { self[key] as! [String: Any] }
    func objects(_ key: String) -> [[String: Any]] { self[key] as! [[String: Any]] }
}

/// Expects |observed − expected| ≤ relative·|expected| + absolute, printing both and the error when it fails.
func expectClose(_ observed: Double, _ expected: Double, relative: Double = 1e-6, absolute: Double = 1e-300,
                 _ label: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    let error = abs(observed - expected)
    #expect(observed.isFinite && error <= relative * abs(expected) + absolute,
            "\(label()): expected \(expected), observed \(observed), abs error \(error), rel error \(error / abs(expected))",
            sourceLocation: sourceLocation)
}
