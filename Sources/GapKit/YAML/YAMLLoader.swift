import Foundation

/// The documents of one YAML stream, with the source they came from.
public struct YAMLStream: Sendable {
    public var file: SourceFile
    public var documents: [YAMLNode]
    /// Problems that still leave a usable tree (a duplicate key keeps its first value), for a
    /// reader that reports them together with its own. `YAMLLoader.load` throws when there are any.
    public var diagnostics: [Diagnostic] = []
}

/// Loads YAML through the system's libyaml into `YAMLNode` trees.
///
/// Resolves anchors, aliases and `<<` merge keys; rejects duplicate keys (naming both places),
/// invalid UTF-8, oversized files, deep nesting and alias bombs, each with a position.
/// Every problem is thrown as a `DiagnosticsError`; a file that cannot be read as an `InputError`.
/// `parse` instead returns the problems that leave a usable tree, so a schema reader can report
/// them together with its own.
public struct YAMLLoader: Sendable {
    public var limits: YAMLLimits

    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads the file at `path`.
    public func load(file path: String) throws -> YAMLStream {
        try strict(parse(file: path))
    }

    /// Loads YAML text; `path` names it in diagnostics.
    public func load(_ text: String, path: String = "<input>") throws -> YAMLStream {
        try strict(parse(bytes: Array(text.utf8), path: path))
    }

    /// Loads raw bytes: UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark.
    public func load(bytes: [UInt8], path: String) throws -> YAMLStream {
        try strict(parse(bytes: bytes, path: path))
    }

    private func strict(_ stream: YAMLStream) throws -> YAMLStream {
        guard stream.diagnostics.isEmpty else { throw DiagnosticsError(file: stream.file, diagnostics: stream.diagnostics) }
        return stream
    }

    /// Like `load(file:)`, but returns duplicate keys and bad merges in `diagnostics` instead of throwing.
    public func parse(file path: String) throws -> YAMLStream {
        try parse(bytes: InputFile.read(path, maxSize: limits.maxFileSize), path: path)
    }

    /// Like `load(_:path:)`, but returns duplicate keys and bad merges in `diagnostics` instead of throwing.
    public func parse(_ text: String, path: String = "<input>") throws -> YAMLStream {
        try parse(bytes: Array(text.utf8), path: path)
    }

    /// Like `load(bytes:path:)`, but returns duplicate keys and bad merges in `diagnostics` instead of throwing.
    public func parse(bytes: [UInt8], path: String) throws -> YAMLStream {
        let unreadable = SourceFile(path: path, text: "")
        guard bytes.count <= limits.maxFileSize else {
            throw DiagnosticsError(file: unreadable, .error(
                "file is \(bytes.count) bytes, more than the limit of \(limits.maxFileSize) bytes", at: nil))
        }
        let text: String
        switch TextDecoding.decode(bytes) {
        case .success(let decoded): text = decoded
        case .failure(let failure):
            let file = SourceFile(path: path, text: failure.validPrefix)
            throw DiagnosticsError(file: file, .error(failure.message, at: failure.position))
        }
        let file = SourceFile(path: path, text: text)
        // A JSON file's strings are rewritten where libyaml would read them otherwise than RFC 8259.
        let source = path.lowercased().hasSuffix(".json") ? JSONForLibYAML.rewrite(text) : text
        var composer = Composer(parser: LibYAMLParser(utf8: Array(source.utf8)), limits: limits)
        do {
            let documents = try composer.compose()
            return YAMLStream(file: file, documents: documents, diagnostics: composer.diagnostics)
        } catch let error as LibYAMLParser.SyntaxError {
            let position = error.position ?? error.offset.map { TextDecoding.position(ofByte: $0, in: Array(text.utf8)) }
            throw DiagnosticsError(file: file, diagnostics: composer.diagnostics + [.error(error.message, at: position)])
        } catch let error as Composer.LimitError {
            throw DiagnosticsError(file: file, diagnostics: composer.diagnostics + [.error(error.message, at: error.position)])
        }
    }
}

/// Builds nodes from libyaml's events with an explicit stack, so no input can overflow the call stack.
private struct Composer {
    struct LimitError: Error {
        var message: String
        var position: SourcePosition
    }

    private struct Frame {
        var isMapping: Bool
        var tag: String?
        var anchor: String?
        var position: SourcePosition
        var children: [YAMLNode] = []
        /// Nodes in this subtree so far, counting what aliases repeat.
        var size = 1
        /// Bytes of scalar text in this subtree so far, counting what aliases repeat.
        var bytes = 0
    }

    let parser: LibYAMLParser
    let limits: YAMLLimits
    private(set) var diagnostics: [Diagnostic] = []
    private var anchors: [String: (node: YAMLNode, size: Int, bytes: Int)] = [:]
    private var aliasExpansion = 0, aliasBytes = 0
    private var stack: [Frame] = []
    private var root: YAMLNode?

    init(parser: LibYAMLParser, limits: YAMLLimits) {
        self.parser = parser
        self.limits = limits
    }

    mutating func compose() throws -> [YAMLNode] {
        var documents: [YAMLNode] = []
        while true {
            let (event, position) = try parser.next()
            switch event {
            case .streamStart:
                continue
            case .streamEnd:
                return documents
            case .documentStart:
                anchors = [:]
                aliasExpansion = 0
                aliasBytes = 0
                root = nil
            case .documentEnd:
                documents.append(root ?? YAMLNode(.scalar(YAMLScalar("")), at: position))
            case .scalar(let scalar, let tag, let anchor):
                let node = YAMLNode(.scalar(scalar), tag: tag, at: position)
                register(anchor, node, size: 1, bytes: scalar.text.utf8.count)
                deliver(node, size: 1, bytes: scalar.text.utf8.count)
            case .alias(let name):
                guard let (node, size, bytes) = anchors[name] else {
                    throw LimitError(message: "alias '*\(name)' refers to no anchor defined before it", position: position)
                }
                aliasExpansion += size
                if aliasExpansion > limits.maxAliasExpansion {
                    throw LimitError(
                        message: "aliases expand to more than \(limits.maxAliasExpansion) nodes; refusing to expand further (a 'billion laughs' file?)",
                        position: position)
                }
                aliasBytes += bytes
                if aliasBytes > limits.maxAliasBytes {
                    throw LimitError(
                        message: "aliases repeat more than \(limits.maxAliasBytes >> 20) MiB of text; refusing to expand further",
                        position: position)
                }
                deliver(node, size: size, bytes: bytes)
            case .sequenceStart(let tag, let anchor), .mappingStart(let tag, let anchor):
                guard stack.count < limits.maxDepth else {
                    throw LimitError(message: "nesting is deeper than \(limits.maxDepth) levels", position: position)
                }
                var isMapping = false
                if case .mappingStart = event { isMapping = true }
                stack.append(Frame(isMapping: isMapping, tag: tag, anchor: anchor, position: position))
            case .sequenceEnd, .mappingEnd:
                let frame = stack.removeLast()
                let content: YAMLNode.Content = frame.isMapping ? .mapping(pairs(of: frame.children)) : .sequence(frame.children)
                let node = YAMLNode(content, tag: frame.tag, at: frame.position)
                register(frame.anchor, node, size: frame.size, bytes: frame.bytes)
                deliver(node, size: frame.size, bytes: frame.bytes)
            }
        }
    }

    private mutating func register(_ anchor: String?, _ node: YAMLNode, size: Int, bytes: Int) {
        if let anchor { anchors[anchor] = (node, size, bytes) }
    }

    private mutating func deliver(_ node: YAMLNode, size: Int, bytes: Int) {
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
            stack[stack.count - 1].size += size
            stack[stack.count - 1].bytes += bytes
        }
    }

    /// Pairs a mapping's keys and values, applies `<<` merges and reports duplicate keys.
    ///
    /// Explicit keys win over merged ones; among merged mappings the earlier one wins.
    /// Merged keys take the place of the `<<` entry. Duplicates keep the first value.
    private mutating func pairs(of children: [YAMLNode]) -> [YAMLPair] {
        var explicit: [KeyIdentity: SourcePosition] = [:]
        for index in stride(from: 0, to: children.count - 1, by: 2) where !Self.isMergeKey(children[index]) {
            let key = children[index]
            let identity = KeyIdentity(key)
            if let first = explicit[identity] {
                let name = key.scalar?.text ?? "key"
                diagnostics.append(.error("duplicate key '\(name)' in this mapping", at: key.position,
                                          notes: [.init("'\(name)' was first defined here", at: first)]))
            } else {
                explicit[identity] = key.position
            }
        }
        var result: [YAMLPair] = []
        var taken = Set(explicit.keys)
        var emitted = Set<KeyIdentity>()
        for index in stride(from: 0, to: children.count - 1, by: 2) {
            let key = children[index], value = children[index + 1]
            if Self.isMergeKey(key) {
                for source in mergeSources(value) {
                    for pair in source where !taken.contains(KeyIdentity(pair.key)) {
                        taken.insert(KeyIdentity(pair.key))
                        result.append(pair)
                    }
                }
            } else if emitted.insert(KeyIdentity(key)).inserted {
                result.append(YAMLPair(key: key, value: value))
            }
        }
        return result
    }

    private mutating func mergeSources(_ value: YAMLNode) -> [[YAMLPair]] {
        if let pairs = value.mapping { return [pairs] }
        if let items = value.sequence, items.allSatisfy({ $0.mapping != nil }) { return items.compactMap(\.mapping) }
        diagnostics.append(.error("the value of a merge key '<<' must be a mapping or a list of mappings, not \(value.kindDescription)",
                                  at: value.position))
        return []
    }

    private static func isMergeKey(_ node: YAMLNode) -> Bool {
        guard let s = node.scalar, s.text == "<<" else { return false }
        return node.tag == YAMLTag.merge || (node.tag == nil && s.style == .plain)
    }
}

/// What makes two keys the same key: their value under the YAML 1.2 core schema (`1` and `01` are one key; `1` and `"1"` are two).
private struct KeyIdentity: Hashable {
    let value: JSONValue

    init(_ node: YAMLNode) {
        value = CoreSchema.value(of: node)
    }
}
