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
    /// A group (or everyone) counts in the disagreement rules for a question only with at least this many answers.
    public var minGroup = 5
    /// Departments disagree on a question when the means of the qualifying groups span at least this much.
    public var spread = 0.3
    /// People within a group disagree on a question when their scores' population standard deviation is at least this.
    public var stdev = 0.35
    /// The group the others are compared with (`--reference-group COLUMN=VALUE`), e.g. management.
    public var referenceGroup: (column: String, value: String)?
    /// Group values to merge: variant → group (`--group-map`).
    public var groupMap = GroupMap()
    /// Field delimiter; when nil, taken from an Excel `sep=` line or detected from the first lines.
    public var delimiter: UInt8?
    public var map = ColumnMap()
    /// The worksheet of an .xlsx input; the first when nil.
    public var sheet: String?

    public init() {}
}
