/// Writes an answer set as an answer file that `AnswerLoader` reads back to the same set.
///
/// Every text is double-quoted, so no value can be read as anything but text (`no`, `3`, `na`).
public enum AnswerFileWriter {
    public static func text(_ set: AnswerSet) -> String {
        var out = "# Answers to questionnaire \(set.questionnaire), recorded with gapkit.\n"
        out += "gapkit: 1\nquestionnaire: \(quote(set.questionnaire))\n"
        let respondent = [("name", set.respondent.name), ("role", set.respondent.role), ("organization", set.respondent.organization)]
            .compactMap { key, value in value.map { (key, $0) } }
        if !respondent.isEmpty {
            out += "respondent:\n" + respondent.map { "  \($0.0): \(quote($0.1))\n" }.joined()
        }
        if let consultant = set.consultant { out += "consultant: \(quote(consultant))\n" }
        if let date = set.date { out += "date: \(date)\n" }
        guard !set.answers.isEmpty else { return out + "answers: {}\n" }
        out += "answers:\n"
        for answer in set.answers {
            let key = "  \(quote(answer.question)):"
            if answer.note == nil && answer.evidence.isEmpty, let value = answer.value {
                out += "\(key) \(quote(value.description))\n"
                continue
            }
            out += key + "\n"
            if let value = answer.value { out += "    value: \(quote(value.description))\n" }
            if let note = answer.note { out += "    note: \(quote(note))\n" }
            if !answer.evidence.isEmpty {
                out += "    evidence:\n" + answer.evidence.map { "      - \(quote($0))\n" }.joined()
            }
        }
        return out
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
