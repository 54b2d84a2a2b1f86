// PageShell: what the shared layout (Templates/pages/layout.mustache) needs on every page.

struct PageShell: Sendable {
    /// Relative prefix back to the site root ("" or "../" …), put before every internal link.
    var root: String
    var pageTitle: String
    var siteTitle: String
    var description: String
    var nav: [NavItem]
    var footer: String
    var hasFooter: Bool
    var stylesheet: String
    var script: String
    /// The page kind, for CSS (`page-example`).
    var kind: String

    struct NavItem: Sendable {
        var href: String
        var label: String
        var isCurrent: Bool
    }
}

/// Rows of a statistics table, formatted.
struct StatisticRowView: Sendable {
    var method: String
    var methodHref: String
    var layer: String
    var statistic: String
    var estimate: String
    var interval: String
    var p: String
    var n: String
}

struct MetricView: Sendable {
    var label: String
    var value: String
}
