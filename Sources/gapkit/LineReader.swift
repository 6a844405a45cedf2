import Foundation
import GapKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from the terminal with `LineEditor`, the terminal in raw mode from the first line to
/// the end of the interview (`RawMode.leave()` gives it back, also from a signal handler).
///
/// Signals stay on (Ctrl-C still interrupts); output processing stays, so `\n` still starts a line. Bracketed paste is switched on, so pasted newlines
/// do not submit. A change of the terminal's width redraws the line at the new width.
final class LineReader {
    private var editor: LineEditor
    private var decoder = KeyDecoder()
    private var queued: [Key] = []
    private var next = 0
    private var endOfInput = false
    /// The width the editor and the interview draw for; updated when the terminal is resized.
    private(set) var width: Int

    init(width: Int) {
        self.width = width
        editor = LineEditor(width: Terminal.rawColumns())
    }

    /// The next line, or nil at the end of input (Ctrl-D on an empty line, or the terminal closed).
    /// - Parameter redraw: the screen to draw again on Ctrl-L, above the line.
    func readLine(prompt: String, redraw: () -> String) -> String? {
        guard !endOfInput else { return nil }
        RawMode.enter()
        Terminal.write(editor.begin(prompt: prompt))
        while true {
            while next < queued.count {
                let key = queued[next]
                next += 1
                switch editor.handle(key) {
                case .submit(let line)?:
                    Terminal.write(editor.renderSubmitted() + "\r\n")
                    return line
                case .endOfInput?:
                    Terminal.write("\r\n")
                    endOfInput = true
                    return nil
                case .redrawScreen?:
                    Terminal.write("\u{1B}[H\u{1B}[2J" + redraw())
                case nil:
                    break
                }
            }
            Terminal.write(editor.render())
            guard let bytes = waitForInput() else {
                endOfInput = true
                Terminal.write("\r\n")
                return nil
            }
            queued = decoder.decode(bytes)
            next = 0
        }
    }

    /// The next bytes from standard input, redrawing the line whenever the terminal's width changes meanwhile.
    private func waitForInput() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 250)
            let columns = Terminal.rawColumns()
            if columns != editor.width {
                editor.width = columns
                width = min(columns, 120)
                Terminal.write(editor.render())
            }
            if ready < 0 && errno != EINTR { return nil }
            guard ready > 0 else { continue }
            let count = read(STDIN_FILENO, &buffer, buffer.count)
            if count < 0 && (errno == EINTR || errno == EAGAIN) { continue }
            guard count > 0 else { return nil }
            return Array(buffer[0..<count])
        }
    }
}

/// The terminal's raw mode, and its settings restored on leaving and from a signal handler.
enum RawMode {
    nonisolated(unsafe) private static var saved = termios()
    nonisolated(unsafe) private static var active = false

    static func enter() {
        guard !active, tcgetattr(STDIN_FILENO, &saved) == 0 else { return }
        var raw = saved
        // No line buffering or echo: GapKit draws the line. Signals (Ctrl-C) and output processing stay.
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO | IEXTEN)
        raw.c_iflag &= ~tcflag_t(ICRNL | INLCR | IXON | ISTRIP)
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else { return }
        active = true
        Terminal.write("\u{1B}[?2004h")  // bracketed paste on
    }

    static func leave() {
        guard active else { return }
        Terminal.write("\u{1B}[?2004l")
        tcsetattr(STDIN_FILENO, TCSANOW, &saved)
        active = false
    }
}
