/// Bounds that keep hostile or broken files from exhausting time, stack or memory.
public struct YAMLLimits: Sendable {
    /// Largest input accepted, in bytes.
    public var maxFileSize: Int
    /// Deepest nesting of sequences and mappings.
    public var maxDepth: Int
    /// Most nodes that aliases may add to one document by repeating their anchors' subtrees.
    public var maxAliasExpansion: Int
    /// Most bytes of scalar text that aliases may add to one document: a few aliases of one huge
    /// string are as hostile as a billion laughs to whatever prints the document.
    public var maxAliasBytes: Int

    public init(maxFileSize: Int = 32 << 20, maxDepth: Int = 200, maxAliasExpansion: Int = 100_000, maxAliasBytes: Int = 64 << 20) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasExpansion = maxAliasExpansion
        self.maxAliasBytes = maxAliasBytes
    }

    public static let `default` = YAMLLimits()
}
