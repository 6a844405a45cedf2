/// How `gapkit batch` reads survey exports and aggregates them.
public struct BatchOptions: Sendable {
    /// The question score used for clause and area scores of a group.
    public enum Aggregate: String, CaseIterable, Sendable {
        case mean, median, min
    }

    /// The column that identifies a respondent; found by name when nil ("Respondent ID", "ID", …).
    public var idColumn: String?
    /// Columns whose values form the groups (e.g. Department, Site).
    public var groupBy: [String] = []
    public var aggregate = Aggregate.mean
    /// A question is a disagreement when at least this many answered it …
    public var disagreementMinimum = 3
    /// … and its highest and lowest scores differ by at least this much.
    public var disagreementSpread = 0.5
    /// Field delimiter; when nil, taken from an Excel `sep=` line or detected from the first lines.
    public var delimiter: UInt8?
    public var map = ColumnMap()

    public init() {}
}
