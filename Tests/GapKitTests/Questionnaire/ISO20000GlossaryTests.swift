import Testing
@testable import GapKit

/// The Chinese texts of the ISO/IEC 20000-1:2018 questionnaire follow one glossary (the bilingual
/// review's §4): each banned variant below has one preferred term, so variants cannot come back.
@Suite struct ISO20000GlossaryTests {
    /// (banned variant, preferred term).
    static let banned: [(String, String)] = [
        ("供应商", "供方"), ("风险和机会", "风险和机遇"), ("风险与机遇", "风险和机遇"), ("风险与机会", "风险和机遇"),
        ("文件化信息", "成文信息"), ("流程负责人", "过程负责人"), ("发布与部署", "发布和部署"), ("服务设计与转换", "服务设计和转换"),
        ("服务需求", "服务要求 (需求 only for demand)"), ("重要程度", "关键程度"), ("重要性等级", "关键程度"),
        ("风险登记册", "风险和机遇登记册"), ("改进登记表", "改进登记册"), ("客户登记表", "客户清单"), ("相关方登记表", "相关方清单"),
        ("资产清单", "资产台账"), ("已知错误库", "已知错误数据库"), ("范围说明", "范围声明"), ("预期成果", "预期结果"),
        ("策略", "方针"), ("轻微不符合", "一般不符合"), ("充当供方", "作为供方"), ("SMS", "服务管理体系"),
        ("有多持续", "处于哪一级"), ("有多一致", "处于哪一级"), ("有多稳定", "处于哪一级"), ("有多规范", "处于哪一级"),
        ("有多系统", "处于哪一级"), ("一致性如何", "处于哪一级"), ("一致程度", "处于哪一级"), ("ITSM 工具", "ITSM工具"), ("第 ", "第N章"),
    ]

    /// Variants allowed in help and evidence but not in what a client reads as a requirement.
    static let bannedInRequirements: [(String, String)] = [("下线", "移除"), ("撤销", "移除"), ("流程", "过程")]

    /// Every Chinese text with where it is, and whether it states a requirement (title, question, summary, requirement).
    static func texts(_ q: Questionnaire) -> [(place: String, text: String, statesRequirement: Bool)] {
        var all: [(String, LocalizedText, Bool)] = []
        for document in q.documents {
            all.append(("document \(document.id)", document.title, true))
            if let description = document.description { all.append(("document \(document.id)", description, false)) }
        }
        for action in q.actions { all += [action.title, action.description].compactMap { $0.map { ("action \(action.id)", $0, false) } } }
        for milestone in q.milestones { all += [milestone.title, milestone.description].compactMap { $0.map { ("milestone \(milestone.id)", $0, false) } } }
        all += q.requirements.map { ("requirement \($0.id)", $0.text, true) }
        for clause in q.allClauses { all += [clause.title, clause.summary].compactMap { $0.map { ("clause \(clause.id)", $0, true) } } }
        for question in q.allQuestions {
            all.append(("question \(question.id)", question.text, true))
            if let help = question.help { all.append(("question \(question.id) help", help, false)) }
            all += question.evidence.map { ("question \(question.id) evidence", $0, false) }
        }
        for scale in q.scales { all += scale.options.map { ("scale \(scale.id)", $0.label, true) } }
        for area in q.areas {
            all.append(("area \(area.id)", area.title, true))
            if let description = area.description { all.append(("area \(area.id)", description, false)) }
        }
        return all.compactMap { place, text, states in text.translations["zh-Hans"].map { (place, $0, states) } }
    }

    @Test func noBannedVariantAppearsInAnyChineseText() throws {
        let q = try #require(ISO20000ContentTests.questionnaire)
        let texts = Self.texts(q)
        #expect(texts.count > 1500)
        var found: [String] = []
        for (place, text, statesRequirement) in texts {
            for (variant, preferred) in Self.banned where text.contains(variant) { found.append("\(place): '\(variant)' → '\(preferred)'") }
            for (variant, preferred) in Self.bannedInRequirements where statesRequirement && text.contains(variant) {
                found.append("\(place): '\(variant)' → '\(preferred)'")
            }
        }
        #expect(found == [])
    }

    @Test func thePreferredTermsAreTheOnesInUse() throws {
        let q = try #require(ISO20000ContentTests.questionnaire)
        let all = Self.texts(q).map(\.text).joined(separator: "\n")
        for term in ["供方", "风险和机遇", "成文信息", "过程", "服务要求", "作为供方的客户", "关键程度", "处于哪一级"] {
            #expect(all.contains(term), "'\(term)' is never used")
        }
    }

    @Test func thePartialAnswerReadsAsPartlyConforming() throws {
        let q = try #require(ISO20000ContentTests.questionnaire)
        for scale in q.scales {
            guard let partial = scale.option("partial") else { continue }
            #expect(q.text(partial.label, "zh-Hans").hasPrefix("部分符合"))
        }
    }
}
