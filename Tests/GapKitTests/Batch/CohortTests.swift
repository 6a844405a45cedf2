import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GapKit

/// The cohort rules of docs/BATCH.md ("Comparing groups") on the fixture worked out there by hand:
/// Tests/GapKitTests/Fixtures/batch/cohort.csv, grouped by Department, with the defaults
/// --min-group 5, --spread 0.3, --stdev 0.35.
@Suite struct CohortTests {
    static func run(_ configure: (inout BatchOptions) -> Void = { _ in }) throws -> (BatchResult, BatchRunner) {
        var options = BatchOptions()
        options.groupBy = ["Department"]
        configure(&options)
        let runner = try BatchRunner(questionnaire: BatchTests.questionnaire, options: options, respondents: nil, rejects: nil)
        try runner.read(Fixtures.path("batch/cohort.csv"), as: "cohort.csv")
        return (try runner.finish(), runner)
    }

    static func close(_ a: Double?, _ b: Double) -> Bool { a.map { abs($0 - b) < 1e-12 } ?? false }

    @Test func spellingsOfAGroupAreMergedWithAWarning() throws {
        let (result, runner) = try Self.run()
        #expect(result.groups.map { $0.key.map(\.value) } == [["Network"], ["Desk"], ["Management"]])
        #expect(result.groups.map(\.respondents) == [5, 5, 2])
        #expect(runner.mergedGroupWarnings == ["warning: group 'Network' merges 'Network', 'network', 'ＮＥＴＷＯＲＫ', 'NETWORK'"])
    }

    @Test func theMatrixMatchesTheWorkedExample() throws {
        let (result, _) = try Self.run()
        #expect(result.questionsInExport == ["Q1", "Q2"], "Q3 and Q4 have no column")
        let q1 = try #require(result.comparison.questions.first { $0.id == "Q1" })
        let q2 = try #require(result.comparison.questions.first { $0.id == "Q2" })
        // Q1: Network 0.3 (stdev 0.4: people disagree), Desk 0.9 (stdev 0.2), Management 2 answers: too few.
        #expect(q1.cells.map(\.answered) == [5, 5, 2])
        #expect(Self.close(q1.cells[0].mean, 0.3) && Self.close(q1.cells[0].stdev, 0.4) && q1.cells[0].disagree)
        #expect(Self.close(q1.cells[1].mean, 0.9) && Self.close(q1.cells[1].stdev, 0.2) && !q1.cells[1].disagree)
        #expect(q1.cells[2].mean == 1 && q1.cells[2].stdev == 0 && !q1.cells[2].disagree)
        #expect(Self.close(q1.spread, 0.6) && q1.disagree, "0.9 − 0.3 ≥ 0.3: departments disagree")
        // Q2: Network 0.8, Desk 0.7, both stdev √0.06: spread 0.1, nobody disagrees.
        #expect(Self.close(q2.cells[0].mean, 0.8) && Self.close(q2.cells[1].mean, 0.7))
        #expect(Self.close(q2.cells[0].stdev, 0.06.squareRoot()) && !q2.cells[0].disagree)
        #expect(Self.close(q2.spread, 0.1) && !q2.disagree)
        #expect(result.comparison.ranked.map(\.id) == ["Q1", "Q2"])
        // Everyone: Q1 mean 8/12, stdev √(78/432) ≈ 0.425 with 12 answers: people disagree; Q2 9.5/12, stdev ≈ 0.247.
        let everyone = Dictionary(uniqueKeysWithValues: result.overall.questions.map { ($0.id, $0) })
        #expect(Self.close(everyone["Q1"]?.mean, 8.0 / 12) && Self.close(everyone["Q1"]?.stdev, (78.0 / 432).squareRoot()))
        #expect(everyone["Q1"]?.disagreement == true && everyone["Q2"]?.disagreement == false)
        #expect(result.comparison.perceptionGaps.isEmpty)
    }

    @Test func aReferenceGroupGivesDifferencesAndPerceptionGaps() throws {
        let (result, _) = try Self.run { $0.referenceGroup = ("Department", "desk") }
        let q1 = try #require(result.comparison.questions.first { $0.id == "Q1" })
        #expect(Self.close(q1.cells[0].difference, -0.6))
        #expect(q1.cells[1].difference == 0)
        #expect(q1.cells[2].difference == nil, "Management has 2 answers, fewer than --min-group")
        #expect(result.comparison.perceptionGaps.map { "\($0.question) \($0.group)" } == ["Q1 0"])
        #expect(Self.close(result.comparison.perceptionGaps.first?.difference, -0.6))
        let json = JSONWriter().string(result.json)
        #expect(json.contains("\"perception_gaps\": ["))
    }

    @Test func aReferenceGroupNobodyIsInIsAnError() throws {
        #expect(throws: BatchError.self) { try Self.run { $0.referenceGroup = ("Department", "Sales") } }
    }

    @Test func aGroupMapMergesSynonyms() throws {
        let (result, _) = try Self.run { $0.groupMap = GroupMap(groups: ["desk": "Network", "network": "Network"]) }
        #expect(result.groups.map { $0.key.map(\.value) } == [["Network"], ["Management"]])
        #expect(result.groups.map(\.respondents) == [10, 2])
    }

    @Test(arguments: [("Network", "network"), (" IT  Ops ", "it ops"), ("ＩＴ　Ｏｐｓ", "it ops"), ("服务台", "服务台")])
    func groupValuesAreComparedWithoutSpacesCaseOrFullWidthForms(value: String, normal: String) {
        #expect(GroupMap.normalize(value) == normal)
    }

    @Test func byGroupInJSONHasTheShapeOfTheIssue() throws {
        let (result, _) = try Self.run()
        let data = Data(JSONWriter().string(result.json).utf8)
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let rows = try #require(json["by_group"] as? [[String: Any]])
        #expect(rows.map { $0["question"] as? String } == ["Q1", "Q2"])
        #expect(Set(rows[0].keys) == ["question", "spread", "disagree", "groups"])
        let cell = try #require((rows[0]["groups"] as? [[String: Any]])?.first)
        #expect(Set(cell.keys) == ["key", "answered", "mean", "stdev", "disagree"])
        #expect((cell["key"] as? [String: String]) == ["Department": "Network"])
        let csv = String(decoding: result.byGroupCSV().dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        let header = ["question", "spread", "departments_disagree"] + ["Network", "Desk", "Management"].flatMap { name in
            ["answered", "mean", "stdev", "people_disagree"].map { "\(name): \($0)" }
        }
        #expect(csv.first.map(String.init) == header.joined(separator: ","))
        #expect(csv.dropFirst().first?.hasPrefix("Q1,0.6") == true && csv.dropFirst().first?.contains(",yes,5,0.3,") == true, "\(csv)")
    }

    @Test func theHTMLShowsTheMatrixAndParsesAsXML() throws {
        let (result, _) = try Self.run { $0.referenceGroup = ("Department", "Desk") }
        for language in ["en", "zh-Hans"] {
            let html = try BatchReport(questionnaire: BatchTests.questionnaire, result: result, language: language).html()
            let parser = XMLParser(data: Data(html.utf8))
            #expect(parser.parse(), "\(language): \(parser.parserError.map { "\($0)" } ?? "")")
            #expect(html.contains("<section id=\"by-group\">"))
            #expect(html.contains("▲") && html.contains("◆"))
            #expect(!html.contains("{min_group}") && !html.contains("{spread}"))
        }
    }
}
