internal import CYAML

/// libyaml's event parser over an in-memory UTF-8 buffer.
///
/// Owns both the `yaml_parser_t` and a copy of the input, and frees them together, so libyaml
/// never reads a buffer that Swift has released.
final class LibYAMLParser {
    enum Event {
        case streamStart, streamEnd
        case documentStart, documentEnd
        case alias(anchor: String)
        case scalar(YAMLScalar, tag: String?, anchor: String?)
        case sequenceStart(tag: String?, anchor: String?)
        case sequenceEnd
        case mappingStart(tag: String?, anchor: String?)
        case mappingEnd
    }

    /// libyaml's own account of a syntax error.
    struct SyntaxError: Error {
        var message: String
        var position: SourcePosition?
        /// Byte offset, for reader errors that carry no line and column.
        var offset: Int?
    }

    private let parser: UnsafeMutablePointer<yaml_parser_t>
    private let buffer: UnsafeMutableBufferPointer<UInt8>

    init(utf8 bytes: [UInt8]) {
        buffer = .allocate(capacity: max(bytes.count, 1))
        _ = buffer.initialize(from: bytes)
        parser = .allocate(capacity: 1)
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, buffer.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
        buffer.deallocate()
    }

    /// The next event and where it starts.
    func next() throws(SyntaxError) -> (Event, SourcePosition) {
        var event = yaml_event_t()
        guard yaml_parser_parse(parser, &event) == 1 else { throw currentError() }
        defer { yaml_event_delete(&event) }
        let position = SourcePosition(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_STREAM_START_EVENT: return (.streamStart, position)
        case YAML_STREAM_END_EVENT: return (.streamEnd, position)
        case YAML_DOCUMENT_START_EVENT: return (.documentStart, position)
        case YAML_DOCUMENT_END_EVENT: return (.documentEnd, position)
        case YAML_ALIAS_EVENT:
            return (.alias(anchor: Self.string(event.data.alias.anchor) ?? ""), position)
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: data.value, count: data.length), as: UTF8.self)
            let style: YAMLScalar.Style
            switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: style = .literal
            case YAML_FOLDED_SCALAR_STYLE: style = .folded
            default: style = .plain
            }
            // A non-specific `!` tag only says "not plain": the scalar is a string.
            var tag = Self.string(data.tag)
            if tag == "!" { tag = YAMLTag.str }
            return (.scalar(YAMLScalar(text, style: style), tag: tag, anchor: Self.string(data.anchor)), position)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            return (.sequenceStart(tag: Self.string(data.tag), anchor: Self.string(data.anchor)), position)
        case YAML_SEQUENCE_END_EVENT: return (.sequenceEnd, position)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            return (.mappingStart(tag: Self.string(data.tag), anchor: Self.string(data.anchor)), position)
        case YAML_MAPPING_END_EVENT: return (.mappingEnd, position)
        default:
            throw SyntaxError(message: "unexpected event from libyaml", position: position)
        }
    }

    private func currentError() -> SyntaxError {
        let p = parser.pointee
        let problem = p.problem.map { String(cString: $0) } ?? "invalid YAML"
        switch p.error {
        case YAML_READER_ERROR:
            return SyntaxError(message: problem, position: nil, offset: Int(p.problem_offset))
        case YAML_SCANNER_ERROR, YAML_PARSER_ERROR:
            var message = problem
            if let context = p.context.map({ String(cString: $0) }) {
                let at = SourcePosition(line: Int(p.context_mark.line) + 1, column: Int(p.context_mark.column) + 1)
                message += " (\(context) at \(at))"
            }
            let position = SourcePosition(line: Int(p.problem_mark.line) + 1, column: Int(p.problem_mark.column) + 1)
            return SyntaxError(message: message, position: position)
        case YAML_MEMORY_ERROR:
            return SyntaxError(message: "libyaml ran out of memory", position: nil)
        default:
            return SyntaxError(message: problem, position: nil)
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: UnsafePointer($0)) }
    }
}
