import Foundation
import Testing
@testable import GapKit

/// The engagement file (docs/ENGAGEMENT.md): the documented example loads, and every rule reports
/// its problem at its position with the documented message.
struct EngagementLoaderTests {
    static let questionnaire = try! QuestionnaireLoader().load(file: Repository.path("questionnaires/iso20000-1-2018.yaml")).questionnaire

    static func load(_ text: String) throws -> Engagement {
        try EngagementLoader(questionnaire: questionnaire).load(text, path: "e.yaml")
    }

    /// The first ```yaml block of docs/ENGAGEMENT.md.
    static func documentedExample() throws -> String {
        let doc = try String(contentsOfFile: Repository.path("docs/ENGAGEMENT.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "## A complete example")).upperBound
        let open = try #require(doc.range(of: "```yaml\n", range: start..<doc.endIndex)).upperBound
        let close = try #require(doc.range(of: "```\n", range: open..<doc.endIndex)).lowerBound
        return String(doc[open..<close])
    }

    @Test func theDocumentedExampleIsTheSampleFileAndLoadsCompletely() throws {
        let text = try Self.documentedExample()
        #expect(text == (try String(contentsOfFile: Repository.path("examples/acme-engagement.yaml"), encoding: .utf8)))
        let e = try Self.load(text)
        #expect(e.client.name?.text(in: "en", languages: ["en"]) == "Acme Cloud Services Co., Ltd.")
        #expect(e.report.number == "PRMC-GA-2026-017" && e.report.date == CalendarDate("2026-11-27"))
        #expect(e.scope.services.count == 3 && e.scope.sites.count == 3 && e.scope.departments.count == 6)
        #expect(e.basis.count == 5 && e.method.count == 4)
        #expect(e.interviews.count == 8 && e.interviews[0].clauses == ["4", "5", "9.3"])
        #expect(e.documentsReviewed.count == 14 && e.documentsReviewed.last?.disposition == .retire)
        #expect(e.conclusion.strengths.count == 3 && e.conclusion.certificateScope != nil)
        #expect(e.organisation.owners["Change manager"]?.person?.text(in: "en", languages: ["en"]) == "Guo Fei")
        #expect(e.plan.start == CalendarDate("2026-12-07") && e.plan.capacity == nil)
    }

    @Test func theChineseSampleLoads() throws {
        let text = try String(contentsOfFile: Repository.path("examples/huanan-engagement.yaml"), encoding: .utf8)
        let e = try Self.load(text)
        #expect(e.client.name?.text(in: "zh-Hans", languages: ["en"]).contains("华南") == true)
        #expect(!e.interviews.isEmpty && !e.documentsReviewed.isEmpty && !e.organisation.owners.isEmpty)
    }

    @Test func textsInSeveralLanguagesPickTheReportsLanguage() throws {
        let e = try Self.load("gapkit: 1\nquestionnaire: iso20000-1-2018\nclient: {name: {en: Acme, zh-Hans: 艾克米}, short_name: ACME}\n")
        #expect(e.client.name?.text(in: "zh-Hans", languages: ["en"]) == "艾克米")
        #expect(e.client.name?.text(in: "en", languages: ["en"]) == "Acme")
        #expect(e.client.shortName?.text(in: "zh-Hans", languages: ["en"]) == "ACME")
    }

    @Test func planSettingsChangeEffortsAndOwnersOfTheQuestionnaire() throws {
        let e = try Self.load("""
            gapkit: 1
            questionnaire: iso20000-1-2018
            plan: {effort_factor: 2, actions: {ACT-POLICY: {effort: 1.5, owner: CIO}}}
            organisation: {owners: {CIO: {person: Wang}}}
            """)
        let q = e.apply(to: Self.questionnaire)
        let before = try #require(Self.questionnaire.action("ACT-SCOPE")).effort
        #expect(q.action("ACT-SCOPE")?.effort == before * 2)
        #expect(q.action("ACT-POLICY")?.effort == 1.5)
        #expect(q.action("ACT-POLICY")?.owner.map { q.text($0) } == "CIO")
    }

    static let header = "gapkit: 1\nquestionnaire: iso20000-1-2018\n"

    @Test(arguments: [
        ("client: {nam: x}", "e.yaml:3:10: error: unknown key 'nam' in client; did you mean 'name'?"),
        ("repot: {}", "e.yaml:3:1: error: unknown key 'repot' in the engagement file; did you mean 'report'?"),
        ("report: {date: 2026-13-01}", "e.yaml:3:16: error: 'date' must be a day written YYYY-MM-DD, found '2026-13-01'"),
        ("interviews:\n  - {clauses: [\"8.5.9\"]}", "e.yaml:4:16: error: unknown clause '8.5.9'; did you mean '8.5.1'?"),
        ("documents_reviewed:\n  - {id: X, disposition: revize}",
         "e.yaml:4:26: error: unknown disposition 'revize' of document 'X'; did you mean 'revise'?"),
        ("documents_reviewed:\n  - {title: X}", "e.yaml:4:5: error: a reviewed document is missing the required key 'id'"),
        ("organisation:\n  owners:\n    Change manger: {person: A}",
         "e.yaml:5:5: error: unknown owner 'Change manger'; did you mean 'Change manager'?"),
        ("plan: {owner_capacity: {Nobody at all: 2}}",
         "e.yaml:3:25: error: unknown owner 'Nobody at all' (the questionnaire's owners: \(EngagementLoader.owners(of: questionnaire).joined(separator: ", ")))"),
        ("plan: {actions: {ACT-CHANGE-PROCES: {effort: 3}}}",
         "e.yaml:3:18: error: unknown action 'ACT-CHANGE-PROCES'; did you mean 'ACT-CHANGE-PROCESS'?"),
        ("plan: {capacity: 0}", "e.yaml:3:18: error: 'capacity' must be between 0.1 and 10000 person-days a week, found 0"),
        ("plan: {effort_factor: 0}", "e.yaml:3:23: error: 'effort_factor' must be more than 0 and at most 100, found 0"),
        ("plan: {actions: {ACT-POLICY: {effort: -1}}}",
         "e.yaml:3:39: error: 'effort' must be between 0 and 10000 person-days, found -1"),
        ("client: {name: {fr: Acme}}", "e.yaml:3:17: error: unknown language 'fr' in 'name' (expected one of: en, zh-Hans)"),
        ("scope: {sites: Guangzhou}", "e.yaml:3:16: error: expected a list for 'sites', found 'Guangzhou'"),
    ])
    func eachRuleReportsItsProblemAtItsPosition(body: String, expected: String) throws {
        let error = try #require(throws: DiagnosticsError.self) { try Self.load(Self.header + body + "\n") }
        let first = error.description.split(separator: "\n").first.map(String.init)
        #expect(first == expected)
    }

    @Test func theHeaderIsRequiredAndMustMatchTheQuestionnaire() throws {
        let wrong = try #require(throws: DiagnosticsError.self) { try Self.load("gapkit: 1\nquestionnaire: iso27001\n") }
        #expect(wrong.description.hasPrefix("e.yaml:2:16: error: this engagement is for questionnaire 'iso27001', not 'iso20000-1-2018'"))
        let missing = try #require(throws: DiagnosticsError.self) { try Self.load("client: {name: A}\n") }
        #expect(missing.description.contains("error: the engagement file is missing the required key 'gapkit'"))
        #expect(missing.description.contains("error: the engagement file is missing the required key 'questionnaire'"))
    }
}
