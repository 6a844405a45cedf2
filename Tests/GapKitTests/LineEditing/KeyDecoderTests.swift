import Testing
@testable import GapKit

@Suite struct KeyDecoderTests {
    @Test(arguments: [
        ("abc", [Key.text("abc")]),
        ("\u{1B}[D\u{1B}[C\u{1B}[A\u{1B}[B", [.left, .right, .up, .down]),
        ("\u{1B}OD\u{1B}OH\u{1B}OF", [.left, .home, .end]),
        ("\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[7~\u{1B}[8~", [.home, .end, .home, .end, .home, .end]),
        ("\u{1B}[3~\u{7F}\u{08}", [.delete, .backspace, .backspace]),
        ("\u{1B}[1;5D\u{1B}[1;5C\u{1B}[1;3D\u{1B}b\u{1B}f", [.wordLeft, .wordRight, .wordLeft, .wordLeft, .wordRight]),
        ("\u{01}\u{05}\u{02}\u{06}\u{0B}\u{15}\u{17}\u{0C}\u{10}\u{0E}\u{04}", [.home, .end, .left, .right, .killToEnd, .killToStart, .deleteWordBackward, .redraw, .up, .down, .endOfInput]),
        ("a\r", [.text("a"), .enter]),
        ("a\tb", [.text("a"), .text(" "), .text("b")]),
        ("\u{1B}[200~x\ny\u{1B}[201~", [.pasteStart, .text("x"), .enter, .text("y"), .pasteEnd]),
        // Unknown sequences vanish whole: function keys, mouse reports, focus events, OSC-less junk.
        ("a\u{1B}[15~b\u{1B}[Ic\u{1B}[?1;2cd\u{1B}[<0;3;4Me", [.text("a"), .text("b"), .text("c"), .text("d"), .text("e")]),
        ("是否\u{0301}", [.text("是否\u{0301}")]),
        // Invalid UTF-8 and C1 controls never become text.
        ("x\u{85}y", [.text("xy")]),
    ] as [(String, [Key])])
    func bytesBecomeKeys(input: String, keys: [Key]) {
        var decoder = KeyDecoder()
        #expect(decoder.decode(Array(input.utf8)) == keys)
    }

    @Test func keysSplitAcrossReadsAreJoined() {
        let bytes = Array("是\u{1B}[1;5Dx".utf8)
        for cut in 1..<bytes.count {
            var decoder = KeyDecoder()
            let keys = decoder.decode(bytes[..<cut]) + decoder.decode(bytes[cut...])
            let merged = keys.reduce(into: [Key]()) { result, key in
                if case .text(let b) = key, case .text(let a)? = result.last { result[result.count - 1] = .text(a + b) } else { result.append(key) }
            }
            #expect(merged == [.text("是"), .wordLeft, .text("x")], "cut at \(cut)")
        }
    }

    @Test func invalidBytesAreDropped() {
        var decoder = KeyDecoder()
        #expect(decoder.decode([0x61, 0xFF, 0xC3, 0x28, 0x62]) == [.text("a(b")])
    }
}
