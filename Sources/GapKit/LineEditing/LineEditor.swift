/// A one-line editor for a terminal in raw mode: the text being typed, the cursor, the session's
/// history, and how the line is drawn.
///
/// The line is drawn on one terminal row; a line wider than the row scrolls sideways around the
/// cursor, with `<` and `>` where text is hidden. Widths are display widths (Chinese characters
/// take two columns, combining marks none), and a combining mark typed after a letter joins it.
/// Keys in a bracketed paste are text only: a pasted newline becomes a space and never submits the
/// line. No control character can enter the line. Every key costs time proportional to what it
/// changes plus the row's width, never to the length of the line.
public struct LineEditor: Sendable {
    /// What a key did beyond editing the line.
    public enum Event: Equatable, Sendable {
        /// Enter: the line, which is added to the history.
        case submit(String)
        /// Ctrl-D on an empty line.
        case endOfInput
        /// Ctrl-L: clear the screen and draw it again.
        case redrawScreen
    }

    /// The terminal's width in columns.
    public var width: Int
    public private(set) var prompt = ""
    private(set) var characters: [Character] = []
    private(set) var cursor = 0
    /// Display width of the whole line, kept up to date so that no key has to measure the line.
    private var lineWidth = 0
    /// The first character drawn when the line scrolls.
    private var viewStart = 0
    private(set) var history: [String] = []
    private var historyIndex = 0
    private var draft: [Character] = []
    private var pasting = false
    private var pastedNewline = false

    public init(width: Int) {
        self.width = width
    }

    /// The text typed so far.
    public var text: String { String(characters) }

    /// Starts a new, empty line after `prompt`; returns what to draw.
    public mutating func begin(prompt: String) -> String {
        self.prompt = prompt
        load([])
        historyIndex = history.count
        pasting = false
        return render()
    }

    /// Applies a key; returns what it did beyond editing, if anything.
    public mutating func handle(_ key: Key) -> Event? {
        if pasting {
            switch key {
            case .text(let text): insert(text); pastedNewline = false
            case .enter:
                if !pastedNewline { insert(" ") }
                pastedNewline = true
            case .pasteEnd: pasting = false
            default: break  // a pasted control character is not a command
            }
            return nil
        }
        switch key {
        case .text(let text): insert(text)
        case .enter:
            let line = text
            if line.contains(where: { !$0.isWhitespace }), history.last != line { history.append(line) }
            historyIndex = history.count
            cursor = characters.count
            return .submit(line)
        case .backspace:
            if cursor > 0 { remove(cursor - 1..<cursor) }
        case .delete: if cursor < characters.count { remove(cursor..<cursor + 1) }
        case .endOfInput:
            if characters.isEmpty { return .endOfInput }
            if cursor < characters.count { remove(cursor..<cursor + 1) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = characters.count
        case .wordLeft: cursor = wordStart(before: cursor)
        case .wordRight: cursor = wordEnd(after: cursor)
        case .deleteWordBackward: remove(wordStart(before: cursor)..<cursor)
        case .killToStart: remove(0..<cursor)
        case .killToEnd: remove(cursor..<characters.count)
        case .up:
            guard historyIndex > 0 else { break }
            if historyIndex == history.count { draft = characters }
            historyIndex -= 1
            load(Array(history[historyIndex]))
        case .down:
            guard historyIndex < history.count else { break }
            historyIndex += 1
            load(historyIndex == history.count ? draft : Array(history[historyIndex]))
        case .redraw: return .redrawScreen
        case .pasteStart: pasting = true; pastedNewline = false
        case .pasteEnd: break
        }
        return nil
    }

    // MARK: Editing

    private mutating func load(_ line: [Character]) {
        characters = line
        cursor = line.count
        lineWidth = TerminalWidth.of(String(line))
        viewStart = 0
    }

    private mutating func insert(_ text: String) {
        var added = Array(text.filter { !$0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
        guard !added.isEmpty else { return }
        // A combining mark (or a joiner) typed after a character becomes part of it.
        if cursor > 0, let first = added.first {
            let joined = String(characters[cursor - 1]) + String(first)
            if joined.count == 1 {
                lineWidth += TerminalWidth.of(joined.first!) - TerminalWidth.of(characters[cursor - 1])
                characters[cursor - 1] = joined.first!
                added.removeFirst()
            }
        }
        lineWidth += added.reduce(0) { $0 + TerminalWidth.of($1) }
        if cursor == characters.count {
            characters.append(contentsOf: added)
        } else {
            characters.insert(contentsOf: added, at: cursor)
        }
        cursor += added.count
    }

    private mutating func remove(_ range: Range<Int>) {
        guard !range.isEmpty else { return }
        lineWidth -= characters[range].reduce(0) { $0 + TerminalWidth.of($1) }
        characters.removeSubrange(range)
        cursor = range.lowerBound
        if viewStart > characters.count { viewStart = 0 }
    }

    static func isWordCharacter(_ character: Character) -> Bool {
        !(character.isWhitespace || character.isPunctuation || character.isSymbol)
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, !Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        while i > 0, Self.isWordCharacter(characters[i - 1]) { i -= 1 }
        return i
    }

    private func wordEnd(after index: Int) -> Int {
        var i = index
        while i < characters.count, !Self.isWordCharacter(characters[i]) { i += 1 }
        while i < characters.count, Self.isWordCharacter(characters[i]) { i += 1 }
        return i
    }

    // MARK: Drawing

    /// Columns for the line: the row less the prompt and the last column (writing there would wrap).
    private var room: Int { max(4, width - TerminalWidth.of(prompt) - 1) }

    /// The index reached going back from `index` over at most `columns` columns.
    private func back(from index: Int, columns: Int) -> Int {
        var i = index, used = 0
        while i > 0, used + TerminalWidth.of(characters[i - 1]) <= columns {
            used += TerminalWidth.of(characters[i - 1])
            i -= 1
        }
        return i
    }

    /// Columns from `start` to `end`, counting at most `limit + 2` of them.
    private func columns(from start: Int, to end: Int, limit: Int) -> Int {
        var used = 0, i = start
        while i < end, used <= limit { used += TerminalWidth.of(characters[i]); i += 1 }
        return i < end ? limit + 3 : used
    }

    /// Moves the visible part so that the cursor is inside it.
    private mutating func scroll() {
        if lineWidth <= room { viewStart = 0; return }
        let area = room - 2  // less the `<` and `>` marks
        if cursor < viewStart || (cursor == viewStart && viewStart > 0) {
            viewStart = back(from: cursor, columns: area / 3)
        } else if columns(from: viewStart, to: cursor, limit: area) > area - 2 {
            viewStart = back(from: cursor, columns: area * 2 / 3)
        }
    }

    /// What to write to draw the line: back to the row's start, the prompt, the visible text,
    /// clear to the end of the row, and the cursor put back in its column.
    public mutating func render() -> String {
        scroll()
        var out = "\r" + prompt
        var cursorColumn = TerminalWidth.of(prompt)
        if lineWidth <= room {
            out += String(characters)
            cursorColumn += columns(from: 0, to: cursor, limit: lineWidth)
        } else {
            var area = room - 1
            if viewStart > 0 { out += "<"; cursorColumn += 1; area -= 1 }
            var i = viewStart, used = 0, visible = ""
            while i < characters.count, used + TerminalWidth.of(characters[i]) <= area {
                if i == cursor { cursorColumn += used }
                used += TerminalWidth.of(characters[i])
                visible.append(characters[i])
                i += 1
            }
            if cursor == i { cursorColumn += used }
            out += visible + (i < characters.count ? ">" : "")
        }
        out += "\u{1B}[K\r"
        if cursorColumn > 0 { out += "\u{1B}[\(cursorColumn)C" }
        return out
    }

    /// What to write when the line is submitted: the whole visible line, and the cursor left after it.
    public mutating func renderSubmitted() -> String {
        cursor = characters.count
        return render()
    }
}
