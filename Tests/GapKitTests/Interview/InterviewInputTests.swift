import Foundation
import Testing
@testable import GapKit

/// What people type at the interview prompt: answers in Chinese or English, and the commands that edit notes and evidence.
@Suite struct InterviewInputTests {
    static let shipped = try! QuestionnaireLoader().load(file: Repository.path("questionnaires/iso20000-1-2018.yaml")).questionnaire

    /// Every way a person may name each option of every scale of the shipped questionnaire.
    @Test(arguments: shipped.scales.map(\.id))
    func everyOptionOfEveryShippedScaleCanBeTypedInChineseOrEnglish(scaleID: String) throws {
        let scale = try #require(Self.shipped.scale(scaleID))
        let numeric = scale.options.allSatisfy { Int($0.value) != nil }
        for (index, option) in scale.options.enumerated() {
            var ways = [option.value, option.value.uppercased(), " \(option.value) ",
                        option.value.applyingTransform(.fullwidthToHalfwidth, reverse: true)!]  // ｙｅｓ, ３
            for language in ["en", "zh-Hans"] {
                let label = try #require(option.label.translations[language])
                ways.append(label)
                let short = try #require(label.components(separatedBy: " – ").first)
                ways += [short, short.uppercased()]
            }
            if !numeric { ways.append("\(index + 1)") }
            for typed in ways {
                #expect(scale.reading(of: typed) == .value(.option(option.value)), "'\(typed)' on \(scaleID)")
            }
        }
        for typed in ["不适用", "na", "N/A", "ＮＡ", "not applicable"] {
            #expect(scale.reading(of: typed) == (scale.allowNA ? .value(.notApplicable) : .notApplicableRefused), "'\(typed)' on \(scaleID)")
        }
        #expect(scale.reading(of: "也许") == .none)
    }

    @Test func aUniqueBeginningIsEnoughAndAnAmbiguousOneIsRefusedWithTheChoices() throws {
        let ypn = try #require(Self.shipped.scale("ypn"))
        #expect(ypn.reading(of: "pa") == .value(.option("partial")))
        #expect(ypn.reading(of: "部") == .value(.option("partial")))
        #expect(ypn.reading(of: "p") == .none, "one letter is a command, not an answer")
        let scale = Questionnaire.Scale(id: "s", options: [
            .init(value: "done", label: LocalizedText("Done – finished", language: "en"), score: 1),
            .init(value: "doing", label: LocalizedText("Doing – under way", language: "en"), score: 0.5),
        ], allowNA: false)
        #expect(scale.reading(of: "do") == .ambiguous(["done", "doing"]))
        var session = try InterviewSession(questionnaire: Self.shipped, answers: AnswerSet(questionnaire: Self.shipped.id),
                                           view: InterviewView(colour: false, language: "zh-Hans"))
        _ = session.start()
        let answered = session.handle("否")
        #expect(answered.output.hasPrefix("✓ Q-4.1-1 → 否 – 尚未建立\n"), "the echo says what was recorded")
        #expect(session.answers["Q-4.1-1"]?.value == .option("no"))
    }

    static func session() throws -> InterviewSession {
        var session = try InterviewSessionTests.session()
        _ = session.start()
        return session
    }

    @Test func notesAreClearedAndEvidenceRemovedByNumber() throws {
        var session = try Self.session()
        for line in ["n Drafted", "e Minutes", "e Register v2", "e Old copy"] { _ = session.handle(line) }
        #expect(session.handle("e -2").output == "Evidence 2 removed: Register v2\n")
        #expect(session.answers["Q1"]?.evidence == ["Minutes", "Old copy"])
        #expect(session.handle("e -5").rejected)
        let cleared = session.handle("n -")
        #expect(cleared.changed == "Q1" && session.answers["Q1"]?.note == nil)
        #expect(session.handle("n -").output.hasPrefix("There is no note to clear."))
    }

    @Test func aLineWithAControlCharacterOrEscapeCodeIsRefusedWhole() throws {
        var session = try Self.session()
        for line in ["n Policy\u{1B}[D drafted", "e \u{07}bell", "ye\u{1B}[Ds"] {
            let outcome = session.handle(line)
            #expect(outcome.rejected && outcome.changed == nil, "\(line.debugDescription)")
            #expect(outcome.output.contains("control character U+"))
        }
        #expect(session.answers["Q1"] == nil && session.rejectedLines == 3)
        #expect(session.handle("n a\tb").changed == "Q1", "a tab is a space")
        #expect(session.answers["Q1"]?.note == "a b")
    }

    @Test func gFindsAClauseByWordsAndOffersTheChoiceWhenSeveralMatch() throws {
        var session = try Self.session()
        #expect(session.handle("g roles").output.contains("Q5  Roles?"), "words of a question's text")
        let several = session.handle("g i")
        #expect(several.output.hasPrefix("'i' matches 2 clauses; type one of:\n  g 4.1  Issues\n  g 5  Leadership\n"))
        #expect(session.handle("g issues").output.contains("Q1  Issues listed?"))
    }

    @Test func theListIsPagedAndFiltered() throws {
        var session = try InterviewSession(questionnaire: Self.shipped, answers: AnswerSet(questionnaire: Self.shipped.id),
                                           view: InterviewView(colour: false, language: "en"))
        session.height = 10
        _ = session.start()
        let first = session.handle("l")
        #expect(first.output.hasSuffix("1–7 of 57 clauses. Enter: more; any command ends the list.\n"))
        #expect(first.output.hasPrefix("→ 4.1      Understanding the organization"))
        #expect(session.handle("").output.hasSuffix("8–14 of 57 clauses. Enter: more; any command ends the list.\n"))
        let eight = session.handle("l 8.5")
        #expect(eight.output.split(separator: "\n").allSatisfy { $0.dropFirst(2).hasPrefix("8.5") || $0.hasPrefix("8–") })
        _ = session.handle("yes")
        let open = session.handle("l open").output
        #expect(open.contains("4.1 ") && open.contains("1/2"))
    }

    /// Finding 8 of issue 12: a long note made the screen wrap in quadratic time.
    @Test func handlingALongLineTakesTimeLinearInItsLength() throws {
        func seconds(_ count: Int) throws -> Double {
            let line = "n " + String(repeating: "x", count: count)  // one word: wrapping must cut it
            var best = Double.infinity
            for _ in 0..<2 {
                var session = try Self.session()
                let start = ContinuousClock.now
                _ = session.handle(line)
                _ = session.handle("b")  // the screen again, with the note in its Current line
                _ = session.handle(String(repeating: "y", count: count))  // a long rejected answer
                let elapsed = ContinuousClock.now - start
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
            }
            return best
        }
        let small = try seconds(20_000), large = try seconds(80_000)
        #expect(large / small < 8, "4× the text took \(large / small)× as long (\(small) s, \(large) s)")
    }

    @Test func wrappingALongWordIsLinear() {
        let view = InterviewView(colour: false, width: 40, language: "en")
        func seconds(_ count: Int) -> Double {
            let start = ContinuousClock.now
            _ = view.wrap(String(repeating: "风", count: count), indent: "  ")
            let elapsed = ContinuousClock.now - start
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        _ = seconds(1000)
        let small = seconds(50_000), large = seconds(200_000)
        #expect(large / small < 8, "\(small) s, \(large) s")
        #expect(view.wrap(String(repeating: "风", count: 45)).split(separator: "\n").map { TerminalWidth.of($0) } == [40, 40, 10])
    }
}
