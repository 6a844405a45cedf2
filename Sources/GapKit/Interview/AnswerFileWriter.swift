/// Writes an answer set as an answer file (YAML, or JSON) that `AnswerLoader` reads back to the same set.
///
/// Every text is double-quoted, so no value can be read as anything but text (`no`, `3`, `na`).
public enum AnswerFileWriter {
    /// - Parameter conflicts: answers left to settle by hand (by `gapkit merge`), written under their
    ///   question as a `conflict` list, which the loader refuses until it is removed.
    public static func text(_ set: AnswerSet, conflicts: [AnswerMerger.Conflict] = []) -> String {
        let unsettled = Dictionary(conflicts.filter { $0.settled == nil }.map { ($0.question, $0.claims) }, uniquingKeysWith: { a, _ in a })
        var out = "# Answers to questionnaire \(set.questionnaire), recorded with gapkit.\n"
        out += "gapkit: 1\nquestionnaire: \(quote(set.questionnaire))\n"
        let respondent = [("name", set.respondent.name), ("role", set.respondent.role), ("organization", set.respondent.organization)]
            .compactMap { key, value in value.map { (key, $0) } }
        if !respondent.isEmpty {
            out += "respondent:\n" + respondent.map { "  \($0.0): \(quote($0.1))\n" }.joined()
        }
        if let consultant = set.consultant { out += "consultant: \(quote(consultant))\n" }
        if let date = set.date { out += "date: \(date)\n" }
        if !set.interviewees.isEmpty {
            out += "interviewees:\n" + set.interviewees.map { person in
                "  - {name: \(quote(person.name))" + (person.role.map { ", role: \(quote($0))" } ?? "") + "}\n"
            }.joined()
        }
        guard !set.answers.isEmpty else { return out + "answers: {}\n" }
        out += "answers:\n"
        for answer in set.answers {
            let key = "  \(quote(answer.question)):"
            if answer.isBare, unsettled[answer.question] == nil, let value = answer.value {
                out += "\(key) \(quote(value.description))\n"
                continue
            }
            out += key + "\n"
            if let value = answer.value { out += "    value: \(quote(value.description))\n" }
            if let note = answer.note { out += "    note: \(quote(note))\n" }
            if !answer.evidence.isEmpty {
                out += "    evidence:\n" + answer.evidence.map { "      - \(quote($0))\n" }.joined()
            }
            if answer.interviewees.count == 1 { out += "    by: \(quote(answer.interviewees[0]))\n" }
            if answer.interviewees.count > 1 { out += "    by: [" + answer.interviewees.map(quote).joined(separator: ", ") + "]\n" }
            if let on = answer.on { out += "    on: \(on)\n" }
            if let claims = unsettled[answer.question] {
                out += "    # Different answers: keep one as value, then delete the conflict list.\n    conflict:\n"
                for claim in claims {
                    out += "      - {value: \(quote(claim.value.description))"
                        + (claim.interviewees.isEmpty ? "" : ", by: [" + claim.interviewees.map(quote).joined(separator: ", ") + "]")
                        + (claim.on.map { ", on: \($0)" } ?? "") + ", from: \(quote(claim.location))}\n"
                }
            }
        }
        return out
    }

    /// The answer set as a JSON answer file, with the same keys and shape as the YAML one.
    public static func json(_ set: AnswerSet, conflicts: [AnswerMerger.Conflict] = []) -> String {
        let unsettled = Dictionary(conflicts.filter { $0.settled == nil }.map { ($0.question, $0.claims) }, uniquingKeysWith: { a, _ in a })
        var root: [JSONValue.Member] = [.init("gapkit", 1), .init("questionnaire", .string(set.questionnaire))]
        let respondent = [("name", set.respondent.name), ("role", set.respondent.role), ("organization", set.respondent.organization)]
            .compactMap { key, value in value.map { JSONValue.Member(key, .string($0)) } }
        if !respondent.isEmpty { root.append(.init("respondent", .object(respondent))) }
        if let consultant = set.consultant { root.append(.init("consultant", .string(consultant))) }
        if let date = set.date { root.append(.init("date", .string(date.description))) }
        if !set.interviewees.isEmpty {
            root.append(.init("interviewees", .array(set.interviewees.map { person in
                .object([.init("name", .string(person.name))] + (person.role.map { [.init("role", .string($0))] } ?? []))
            })))
        }
        root.append(.init("answers", .object(set.answers.map { answer in
            if answer.isBare, unsettled[answer.question] == nil, let value = answer.value {
                return .init(answer.question, .string(value.description))
            }
            var fields: [JSONValue.Member] = []
            if let value = answer.value { fields.append(.init("value", .string(value.description))) }
            if let note = answer.note { fields.append(.init("note", .string(note))) }
            if !answer.evidence.isEmpty { fields.append(.init("evidence", .array(answer.evidence.map { .string($0) }))) }
            if answer.interviewees.count == 1 { fields.append(.init("by", .string(answer.interviewees[0]))) }
            if answer.interviewees.count > 1 { fields.append(.init("by", .array(answer.interviewees.map { .string($0) }))) }
            if let on = answer.on { fields.append(.init("on", .string(on.description))) }
            if let claims = unsettled[answer.question] {
                fields.append(.init("conflict", .array(claims.map { claim in
                    .object([.init("value", .string(claim.value.description))]
                        + (claim.interviewees.isEmpty ? [] : [.init("by", .array(claim.interviewees.map { .string($0) }))])
                        + (claim.on.map { [.init("on", .string($0.description))] } ?? [])
                        + [.init("from", .string(claim.location))])
                })))
            }
            return .init(answer.question, .object(fields))
        })))
        return JSONWriter().string(.object(root))
    }

    /// The file's text in the format its name asks for: JSON for `.json`, else YAML.
    public static func text(_ set: AnswerSet, forPath path: String, conflicts: [AnswerMerger.Conflict] = []) -> String {
        path.lowercased().hasSuffix(".json") ? json(set, conflicts: conflicts) : text(set, conflicts: conflicts)
    }

    /// A YAML double-quoted scalar.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar == "\u{FEFF}" || scalar == "\u{2028}" || scalar == "\u{2029}" {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
