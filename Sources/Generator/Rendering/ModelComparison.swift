// ModelComparison: the key statistic of every method for several models of the same sentences, side by side.

/// One table: rows are methods (and baselines), columns are the models traced on the same sentences.
public struct ModelComparison: Sendable, Equatable {
    /// What the models share, e.g. "SST-5 (movie reviews, five classes), test split".
    public var title: String
    /// Model names, one per column.
    public var models: [String]
    public var rows: [Row]

    public struct Row: Sendable, Equatable {
        public var methodID: String
        /// One cell per model (nil when that model lacks the method); estimates carry their interval and n.
        public var cells: [StatisticRow?]
        public init(methodID: String, cells: [StatisticRow?]) {
            self.methodID = methodID
            self.cells = cells
        }
    }

    public init(title: String, models: [String], rows: [Row]) {
        self.title = title
        self.models = models
        self.rows = rows
    }
}
