import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GapKit

@Suite struct InterviewGuideTests {
    static let shipped = InterviewInputTests.shipped

    @Test(arguments: ["en", "zh-Hans"])
    func theGuideForClause8Point5ParsesAsXMLAndHoldsEveryQuestionWithItsTickBoxes(language: String) throws {
        let guide = try InterviewGuide(questionnaire: Self.shipped, clauses: ["8.5"], language: language)
        let html = guide.html()
        let outline = try ReportTests.Outline.of(html)
        let questions = Self.shipped.allClauses.first { $0.id == "8.5" }!.allQuestions
        #expect(!questions.isEmpty)
        #expect(outline.classes.filter { $0 == "question" }.count == questions.count)
        for question in questions {
            #expect(outline.text.contains(question.id))
            #expect(outline.text.contains(Self.shipped.text(question.text, language)))
            let scale = try #require(Self.shipped.scale(question.scale))
            for option in scale.options { #expect(outline.text.contains(Self.shipped.text(option.label, language))) }
        }
        #expect(outline.classes.filter { $0 == "notes" }.count == questions.count, "room for notes under every question")
        #expect(html.contains("@page { size: A4"))
        #expect(guide.html() == html, "deterministic")
        let markdown = guide.markdown()
        #expect(markdown.components(separatedBy: "\n- [ ] ").count - 1
            == questions.reduce(0) { $0 + (Self.shipped.scale($1.scale)!.options.count + (Self.shipped.scale($1.scale)!.allowNA ? 1 : 0)) })
        if language == "zh-Hans" { #expect(html.contains("访谈提纲") && html.contains("（标准要求）") && markdown.contains("请查看：")) }
    }

    @Test func textFromTheQuestionnaireIsEscapedInHTMLAndMarkdown() throws {
        let questionnaire = try QuestionnaireLoader().load("""
            gapkit: 1
            id: hostile
            title: "A & B <Consulting>"
            scales:
              - id: ypn
                options:
                  - {value: "yes", label: "<b>Yes</b>", score: 1}
                  - {value: "no", label: "No *really*", score: 0}
            default_scale: ypn
            clauses:
              - id: "4"
                title: "<script>alert(1)</script>"
                questions:
                  - {id: Q1, text: "Is it \\"quoted\\" & [linked](http://x)? \\u0007", help: "# not a heading", evidence: ["| pipe |"]}
            """, path: "hostile.yaml").questionnaire
        var guide = try InterviewGuide(questionnaire: questionnaire)
        guide.interviewee = "Li <Wei>"
        let html = guide.html()
        let outline = try ReportTests.Outline.of(html)
        #expect(!outline.elements.contains("script") && !outline.elements.contains("b"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && html.contains("Li &lt;Wei&gt;") && html.contains("\u{FFFD}"))
        let markdown = guide.markdown()
        #expect(markdown.contains("\\<script\\>") && markdown.contains("No \\*really\\*") && markdown.contains("\\[linked\\](http://x)"))
        #expect(markdown.contains("\\# not a heading") && markdown.contains("\\| pipe \\|"))
        #expect(!markdown.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" })
    }

    @Test func anUnknownClauseIsRefusedWithASuggestion() {
        #expect(throws: InterviewGuide.UnknownClause.self) { try InterviewGuide(questionnaire: Self.shipped, clauses: ["8.55"]) }
    }
}
