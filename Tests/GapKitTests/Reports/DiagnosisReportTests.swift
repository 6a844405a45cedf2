import Foundation
import Testing
@testable import GapKit

/// The Chinese sample (a fictional Guangzhou provider): every section is in the model, the
/// contents links resolve, and the report speaks Chinese except for ids, numbers and client data.
@Suite struct DiagnosisReportTests {
    static let questionnaire = try! QuestionnaireLoader().load(file: Repository.path("questionnaires/iso20000-1-2018.yaml")).questionnaire

    static func sample(appendix: Bool = true) throws -> (ReportInput, [String: String]) {
        let answers = try AnswerLoader(questionnaire: questionnaire).load(file: Repository.path("examples/huanan-answers.yaml"))
        let engagement = try EngagementLoader(questionnaire: questionnaire).load(file: Repository.path("examples/huanan-engagement.yaml"))
        let q = engagement.apply(to: questionnaire)
        let assessment = Scorer(q).score(answers)
        let plan = Planner(q, capacity: engagement.plan.capacity ?? 5, start: try #require(engagement.plan.start)).plan(assessment)
        let input = ReportInput(questionnaire: q, answers: answers, assessment: assessment, plan: plan, language: "zh-Hans",
                                engagement: engagement, appendix: appendix)
        let files = try ReportBuilder(input, templates: .builtIn()).files([.html, .md])
        return (input, Dictionary(uniqueKeysWithValues: files.map { ($0.name, String(decoding: $0.bytes, as: UTF8.self)) }))
    }

    @Test func theModelHoldsEverySectionOfADiagnosisReport() throws {
        let (input, _) = try Self.sample()
        let values = ReportContext(input).values()
        let control = try #require(values["control"] as? [String: Any])
        #expect((control["rows"] as? [[String: Any]])?.count == 6)
        #expect((values["contents"] as? [[String: Any]])?.map { $0["anchor"] as? String } ==
            ["background", "conclusion", "matrix", "nonconformities", "observations", "documents", "plan", "organisation", "appendix"])
        let background = try #require(values["background"] as? [String: Any])
        #expect((background["interviews"] as? [[String: Any]])?.count == 7)
        let conclusion = try #require(values["conclusion"] as? [String: Any])
        #expect(conclusion["narrative"] != nil && conclusion["certificate_scope"] != nil && conclusion["recommendation"] != nil)
        let matrix = try #require(values["matrix"] as? [[String: Any]])
        let ids = matrix.compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted(by: ClauseOrder.precedes) && ids.contains("10.1"))
        let ncs = try #require((values["nonconformities"] as? [String: Any])?["items"] as? [[String: Any]])
        #expect(!ncs.isEmpty && ncs.first?["id"] as? String == "NC-01")
        for nc in ncs {
            #expect(nc["clause_id"] != nil && nc["requirement"] != nil && !((nc["facts"] as? [Any]) ?? []).isEmpty && nc["verification"] != nil)
        }
        let documents = try #require(values["documents"] as? [String: Any])
        #expect((documents["existing"] as? [[String: Any]])?.count == 12)
        let plan = try #require(values["plan"] as? [String: Any])
        let first = try #require((plan["actions"] as? [[String: Any]])?.first)
        #expect((first["owner"] as? [String: Any])?["person"] != nil && first["start"] != nil && first["end"] != nil)
        #expect((values["organisation"] as? [String: Any])?["any"] as? Bool == true)
        #expect(!((values["appendix"] as? [Any]) ?? []).isEmpty)
        #expect(((ReportContext(try Self.sample(appendix: false).0).values()["appendix"] as? [Any]) ?? [0]).isEmpty)
    }

    @Test func everyContentsLinkLeadsToASection() throws {
        let (_, files) = try Self.sample()
        let html = try #require(files["report.html"])
        let links = html.components(separatedBy: "href=\"#").dropFirst().compactMap { $0.split(separator: "\"").first.map(String.init) }
        #expect(links.count >= 9)
        for link in links { #expect(html.contains("id=\"\(link)\""), "no section with id \(link)") }
    }

    /// Acronyms the Chinese questionnaire and glossary keep in Latin letters, and the product's name.
    static let allowed: Set<String> = ["IT", "SLA", "OLA", "ISO/IEC", "GB/T", "RFC", "SMS", "CI", "CAB", "ITSM", "CMDB", "KEDB",
                                       "KPI", "GapKit", "BIA", "RTO", "RPO", "VPN", "DR"]

    @Test(arguments: ["report.html", "report.md"])
    func aChineseReportHasNoEnglishButIdsNumbersAndClientData(file: String) throws {
        let (input, files) = try Self.sample()
        var text = try #require(files[file])
        if file == "report.html" {
            text = String(text[try #require(text.range(of: "<body>")).lowerBound...])
            text = text.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
            text = text.replacingOccurrences(of: "&[a-z#0-9]+;", with: " ", options: .regularExpression)
        } else {
            text = text.replacingOccurrences(of: "\\(#[a-z]+\\)|<a id=\"[a-z]+\"></a>|\\{\\{[^}]*\\}\\}", with: " ", options: .regularExpression)
        }
        // The client's own data: notes, evidence, and the engagement's texts.
        var own: [String] = input.answers.answers.flatMap { [$0.note ?? ""] + $0.evidence }
        own += [input.answers.respondent.name, input.answers.respondent.role, input.answers.respondent.organization, input.answers.consultant]
            .compactMap { $0 }
        if let e = input.engagement { own += [e.report.number ?? ""] + e.documentsReviewed.map(\.id) }
        for data in own.filter({ !$0.isEmpty }).sorted(by: { $0.count > $1.count }) {
            text = text.replacingOccurrences(of: data, with: " ")
        }
        let words = text.matches(of: /[A-Za-z][A-Za-z0-9\/]*(?:-[A-Za-z0-9]+)*/).map { String($0.output) }
        let english = words.filter { word in
            !Self.allowed.contains(word) && word != input.questionnaire.id
                && !word.contains(where: \.isNumber)                        // ids such as NC-01, Q-8.5.1-1, ACT-…
                && !(word.contains("-") && word == word.uppercased())     // ids such as ACT-CMDB-VERIFY
        }
        #expect(english.isEmpty, "English in the Chinese \(file): \(Set(english).sorted())")
    }
}
