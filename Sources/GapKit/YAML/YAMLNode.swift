/// A node of a YAML document as written: no type guessing, every node with its position.
///
/// Scalars keep their text and style; whether `no` is a string or a boolean is for the reader
/// of the document (the questionnaire schema, or the YAML 1.2 core schema) to decide.
public struct YAMLNode: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// The node's tag, resolved by libyaml (`!!str` becomes `tag:yaml.org,2002:str`); nil when none was written.
    public var tag: String?
    /// Where the node starts.
    public var position: SourcePosition

    public init(_ content: Content, tag: String? = nil, at position: SourcePosition) {
        self.content = content
        self.tag = tag
        self.position = position
    }

    public var scalar: YAMLScalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// True for an empty plain scalar or `~`/`null` written plainly and untagged.
    public var isNull: Bool {
        guard let s = scalar, tag == nil || tag == YAMLTag.null, s.style == .plain else { return false }
        return CoreSchema.isNull(s.text)
    }

    /// A word for the kind of node, for messages ("a mapping", "a list", "the text 'x'").
    public var kindDescription: String {
        switch content {
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .scalar(let s):
            if isNull { return "nothing (null)" }
            return "'\(s.text.count > 40 ? s.text.prefix(40) + "…" : s.text)'"
        }
    }
}

/// A scalar's text as written, after YAML's escaping and folding rules, and how it was written.
public struct YAMLScalar: Hashable, Sendable {
    public enum Style: String, Hashable, Sendable {
        case plain, singleQuoted = "single-quoted", doubleQuoted = "double-quoted", literal, folded
    }

    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One key and its value in a mapping; mappings keep their keys in file order.
public struct YAMLPair: Hashable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// The standard tags of the YAML 1.2 core schema, and the merge key's.
public enum YAMLTag {
    public static let str = "tag:yaml.org,2002:str"
    public static let int = "tag:yaml.org,2002:int"
    public static let float = "tag:yaml.org,2002:float"
    public static let bool = "tag:yaml.org,2002:bool"
    public static let null = "tag:yaml.org,2002:null"
    public static let seq = "tag:yaml.org,2002:seq"
    public static let map = "tag:yaml.org,2002:map"
    public static let merge = "tag:yaml.org,2002:merge"
}
