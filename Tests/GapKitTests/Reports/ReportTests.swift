import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GapKit

/// The report files for the shipped questionnaire and sample answers, with hostile text injected.
@Suite struct ReportTests {
    static let questionnaire = try! QuestionnaireLoader().load(file: Repository.path("questionnaires/iso20000-1-2018.yaml")).questionnaire

    static let hostile = #"<script>alert("x")</script> & 'q' | *bold* =HYPERLINK("http://evil")"#

    /// Characters XML 1.0 forbids, as an answer file can write them ("\a", "\v", "\0").
    static let controls = "bell\u{7} tab\u{B} nul\u{0}"

    /// The sample answers, with a note and evidence that try to inject markup and formulas.
    static func answers() throws -> AnswerSet {
        var set = try AnswerLoader(questionnaire: questionnaire).load(file: Repository.path("examples/acme-answers.yaml"))
        set.set(Answer(question: "Q-8.5.1.1-1", value: .option("no"), note: hostile, evidence: ["=1+2", "@SUM(A1)", controls]))
        set.respondent.organization = "Acme <Cloud> & Co"
        return set
    }

    static func files(language: String? = nil, branding: Branding = .default,
                      templates: ReportTemplates? = nil) throws -> [String: String] {
        let answers = try Self.answers()
        let assessment = Scorer(questionnaire).score(answers)
        let plan = Planner(questionnaire, capacity: 15, start: CalendarDate("2026-11-23")!).plan(assessment)
        let input = ReportInput(questionnaire: questionnaire, answers: answers, assessment: assessment, plan: plan,
                                language: language, branding: branding)
        let files = try ReportBuilder(input, templates: try templates ?? .builtIn()).files(Set(ReportFormat.allCases))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    /// Element names and `id`s of a well-formed XML document; throws if it is not well-formed.
    final class Outline: NSObject, XMLParserDelegate {
        var elements: [String] = [], ids: [String] = [], classes: [String] = [], text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(name)
            if let id = attributes["id"] { ids.append(id) }
            if let value = attributes["class"] { classes.append(value) }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

        static func of(_ xml: String) throws -> Outline {
            let outline = Outline()
            let parser = XMLParser(data: Data(xml.utf8))
            parser.delegate = outline
            guard parser.parse() else {
                throw NSError(domain: "XML", code: 1, userInfo: [NSLocalizedDescriptionKey:
                    "not well-formed at \(parser.lineNumber):\(parser.columnNumber): \(String(describing: parser.parserError))"])
            }
            return outline
        }
    }

    @Test func theHTMLIsWellFormedXHTMLWithEverySectionAndThreeCharts() throws {
        let html = try #require(try Self.files()["report.html"])
        let outline = try Outline.of(html)
        for section in ["cover", "contents", "background", "conclusion", "matrix", "nonconformities", "observations", "documents",
                        "plan", "appendix"] {
            #expect(outline.ids.contains(section), "section \(section) is missing")
        }
        #expect(outline.elements.filter { $0 == "svg" }.count == 3)
        for chart in ["chart-radar", "chart-bar", "chart-gantt"] {
            #expect(outline.classes.contains { $0.split(separator: " ").contains(Substring(chart)) }, "\(chart) is missing")
        }
        #expect(outline.text.contains("Gap analysis report"))
        #expect(outline.text.contains("Not ready for certification"))
    }

    @Test func theHTMLIsSelfContained() throws {
        let html = try #require(try Self.files()["report.html"])
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("url(http"))
        #expect(!html.contains("@import"))
    }

    @Test func textFromAnswersIsEscapedInHTMLAndShowsAsText() throws {
        let html = try #require(try Self.files()["report.html"])
        #expect(!html.contains("<script>alert"))
        #expect(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;"))
        #expect(html.contains("Acme &lt;Cloud&gt; &amp; Co"))
        let outline = try Outline.of(html)
        #expect(outline.text.contains(Self.hostile))
        #expect(outline.text.contains("bell\u{FFFD} tab\u{FFFD} nul\u{FFFD}"), "forbidden characters show as �")
    }

    @Test func markdownHasTheSameSectionsWithClientTextEscaped() throws {
        let markdown = try #require(try Self.files()["report.md"])
        for heading in ["# Acme \\<Cloud\\> & Co Gap analysis report", "## 1 Background, basis, scope and method", "## 2 Diagnosis conclusion",
                        "## 3 Clause conformity matrix", "## 4 Nonconformity report", "## 5 Observations and opportunities for improvement",
                        "## 6 Documents", "## 7 Remediation plan", "## Appendix: all answers"] {
            #expect(markdown.contains("\n\(heading)\n") || markdown.hasPrefix("\(heading)\n"), "\(heading) is missing")
        }
        #expect(markdown.contains(#"\<script\>alert("x")\</script\> & 'q' \| \*bold\* =HYPERLINK("http://evil")"#))
        #expect(!markdown.contains("<script>"))
    }

    @Test func csvFilesOpenCleanlyInExcelAndNeutraliseFormulas() throws {
        let files = try Self.files()
        for name in ["findings.csv", "actions.csv", "documents.csv"] {
            let csv = try #require(files[name])
            #expect(csv.hasPrefix("\u{FEFF}"), "\(name) has no byte-order mark")
            #expect(csv.contains("\r\n") && !csv.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "\(name) must use CRLF")
        }
        let findings = try #require(files["findings.csv"])
        #expect(findings.contains(",\"'=1+2; @SUM(A1); bell\u{FFFD} tab\u{FFFD} nul\u{FFFD}\","))
        #expect(findings.contains(#""<script>alert(""x"")</script> & 'q' | *bold* =HYPERLINK(""http://evil"")""#))
        #expect(!findings.split(separator: ",").contains { $0.hasPrefix("=") || $0.hasPrefix("\"=") })
    }

    @Test func theSameInputsGiveByteIdenticalFiles() throws {
        #expect(try Self.files() == Self.files())
    }

    @Test func jsonHoldsScoreAndPlanUnderTheirContracts() throws {
        let json = try #require(try Self.files()["report.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let score = try #require(object["score"] as? [String: Any]), plan = try #require(object["plan"] as? [String: Any])
        #expect(Set(score.keys).isSuperset(of: ["overall", "areas", "clauses", "questions", "readiness"]))
        #expect(Set(plan.keys).isSuperset(of: ["actions", "milestones", "phases", "documents"]))
    }

    @Test func chineseReportsUseChineseFixedStringsAndQuestionnaireTexts() throws {
        let files = try Self.files(language: "zh-Hans")
        let html = try #require(files["report.html"])
        _ = try Outline.of(html)
        #expect(html.contains("差距分析报告") && html.contains("不符合项报告") && html.contains("需新编制和修订的文件清单") && html.contains("整改计划"))
        #expect(html.contains("服务管理体系差距分析"))
        #expect(html.contains("lang=\"zh-Hans\""))
        #expect(!html.contains("Diagnosis conclusion"))
        #expect(try #require(files["report.md"]).contains("## 2 诊断结论"))
    }

    /// An assessment with requirement questions unanswered is "incomplete", never "ready" (docs/SCORING.md,
    /// "Readiness"); the report says how many requirement questions and how much in all is still unanswered.
    @Test func aReportOnFewAnswersIsIncompleteAndSaysHowMuchIsUnanswered() throws {
        func summary(_ answers: AnswerSet) throws -> String {
            let assessment = Scorer(Self.questionnaire).score(answers)
            let input = ReportInput(questionnaire: Self.questionnaire, answers: answers, assessment: assessment,
                                    plan: Planner(Self.questionnaire, start: CalendarDate("2026-11-23")!).plan(assessment),
                                    language: nil, branding: .default)
            let md = String(decoding: try ReportBuilder(input, templates: try .builtIn()).files([.md])[0].bytes, as: UTF8.self)
            // Areas and clauses with no answer are still "Not assessed"; the verdict never is.
            #expect(!md.contains("**Not assessed") && !md.contains("Ready for certification"))
            return try #require(md.components(separatedBy: "\n").first { $0.hasPrefix("**Diagnosis incomplete.**") })
        }
        let requirements = Self.questionnaire.allQuestions.filter(\.mandatory)
        let title = Self.questionnaire.text(Self.questionnaire.title)
        let none = try summary(AnswerSet(questionnaire: Self.questionnaire.id))
        #expect(none.contains("against \(title) is not complete: \(requirements.count) questions on requirements of the standard are not answered yet"))
        var one = AnswerSet(questionnaire: Self.questionnaire.id)
        let answered = try #require(requirements.first)
        let top = try #require(Self.questionnaire.scale(answered.scale)?.options.max { $0.score < $1.score })
        one.set(Answer(question: answered.id, value: .option(top.value)))
        let applicable = Scorer(Self.questionnaire).score(one).overall.applicable
        #expect(try summary(one).hasSuffix(" is not complete: \(requirements.count - 1) questions on requirements of the standard are not "
            + "answered yet, so readiness for certification cannot be concluded; so far 0 minor nonconformities and 0 observations were found. "
            + "*\(applicable - 1) of \(applicable) applicable questions are not answered yet: the conclusion "
            + "and the scores rest on the answered ones only.*"))
    }

    @Test func brandingAddsTheFirmLogoColourAndFooter() throws {
        let branding = Branding(firm: "Pearl River <Consulting>", logo: "data:image/png;base64,iVBORw0KGgo=",
                                primaryColor: "#8A1538", footer: "Confidential & internal")
        let html = try #require(try Self.files(branding: branding)["report.html"])
        _ = try Outline.of(html)
        #expect(html.contains("--primary: #8A1538"))
        #expect(html.contains("src=\"data:image/png;base64,iVBORw0KGgo=\""))
        #expect(html.contains("Pearl River &lt;Consulting&gt;"))
        #expect(html.contains("Confidential &amp; internal"))
        #expect(html.contains(ReportContext.cssString("Confidential & internal · Acme <Cloud> & Co · Gap analysis report")))
    }

    @Test func consultantTemplatesReplaceTheDefaultsAndBadOnesArePositioned() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("templates-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try ReportTemplates.export(to: folder)
        #expect(try String(contentsOfFile: folder + "/report.md.mustache", encoding: .utf8) == DefaultTemplates.markdown)
        try "{{% CONTENT_TYPE: MARKDOWN }}\nOur own report for {{cover.client}}: {{summary.overall_score}}\n"
            .write(toFile: folder + "/report.md.mustache", atomically: true, encoding: .utf8)
        let files = try Self.files(templates: .load(directory: folder))
        #expect(files["report.md"]?.hasPrefix("Our own report for Acme \\<Cloud\\> & Co: ") == true)
        #expect(files["report.html"] == (try Self.files())["report.html"])

        try "{{#summary}}\nunclosed\n".write(toFile: folder + "/report.md.mustache", atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticsError.self) { try ReportTemplates.load(directory: folder) }
    }

    @Test func markdownEscapingCoversTablesEmphasisAndLineBreaks() {
        #expect(MarkdownContentType().escapeText("a|b *c* [d](e) <f>\nnext") == #"a\|b \*c\* \[d\](e) \<f\> next"#)
    }

    @Test func csvQuotingFollowsRFC4180() {
        #expect(CSVTable.field("plain") == "plain")
        #expect(CSVTable.field("a,b") == "\"a,b\"")
        #expect(CSVTable.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVTable.field("line\nbreak") == "\"line\nbreak\"")
        #expect(CSVTable.field("-1") == "'-1")
        #expect(CSVTable.field("＝1+1") == "'＝1+1")
        #expect(CSVTable.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(CSVTable.number(12) == "12")
    }
}

extension ReportTests {
    @Test func printedMarginTextCannotBreakOutOfItsCSSString() {
        #expect(ReportContext.cssString("A & B\"}</style>") == #"A\000020\000026\000020B\000022\00007d\00003c\00002fstyle\00003e"#)
        #expect(ReportContext.cssString("差距 1") == #"\005dee\008ddd\0000201"#)
    }
}
