/// The fixed texts of `gapkit ask`, in English and Simplified Chinese.
///
/// Keys are the English texts; `{1}`, `{2}`… stand for the values put in. A text without a
/// translation is shown in English.
enum InterviewStrings {
    static func table(for language: String) -> [String: String] {
        language == "zh-Hans" ? chinese : [:]
    }

    static let chinese: [String: String] = [
        "Type an option's value or number. ? help · n note · e evidence · s skip · b back · g CLAUSE jump · l list · q quit":
            "输入选项的值或编号。? 帮助 · n 备注 · e 证据 · s 跳过 · b 返回 · g 条款号 跳转 · l 列表 · q 退出",
        "Type an option's value. ? help · n note · e evidence · s skip · b back · g CLAUSE jump · l list · q quit":
            "输入选项的值。? 帮助 · n 备注 · e 证据 · s 跳过 · b 返回 · g 条款号 跳转 · l 列表 · q 退出",
        " (requirement of the standard)": "（标准要求）",
        "not applicable": "不适用",
        "na (not applicable)": "na（不适用）",
        "Current": "当前",
        "answer {1}": "答案 {1}",
        "note: {1}": "备注：{1}",
        "evidence: {1}": "证据：{1}",
        "Note saved.": "备注已保存。",
        "Evidence saved.": "证据已保存。",
        "Nothing recorded.": "未记录任何内容。",
        "Type an answer, or ? for help.": "请输入答案，或输入 ? 查看帮助。",
        "Type the note (it replaces the current one), then Enter; an empty line cancels.":
            "输入备注（替换当前备注），然后按回车；空行取消。",
        "Type one piece of evidence, then Enter; an empty line cancels.": "输入一项证据，然后按回车；空行取消。",
        "This is the first question.": "这是第一个问题。",
        "'{1}' is not an answer here. Answers: {2} or 1–{3}.": "“{1}”不是此题的答案。可选答案：{2} 或 1–{3}。",
        "'{1}' is not an answer here. Answers: {2}.": "“{1}”不是此题的答案。可选答案：{2}。",
        "Type g and a clause id, e.g. g 8.5.1.": "请输入 g 和条款号，例如 g 8.5.1。",
        "There is no clause '{1}' here.": "此处没有条款“{1}”。",
        "Did you mean {1}?": "您是否指 {1}？",
        "Type l to list the clauses.": "输入 l 列出条款。",
        "Clause {1} has no question that applies.": "条款 {1} 没有适用的问题。",
        "{1} does not apply (only if {2} is {3}; it is {4}): skipped.": "{1} 不适用（仅当 {2} 为 {3} 时适用；现为 {4}）：已跳过。",
        " or ": " 或 ",
        "Every question in scope is answered or skipped. To change an answer type b (back) or g CLAUSE (jump); l lists the clauses; q finishes.":
            "范围内的问题均已回答或跳过。如需修改答案，请输入 b（返回）或 g 条款号（跳转）；l 列出条款；q 结束。",
        "Clause: {1}": "条款：{1}",
        "Good looks like: {1}": "良好实践：{1}",
        "Ask to see:": "请查看：",
        "No help for this question.": "此问题没有帮助信息。",
        "Saved in {1}": "已保存至 {1}",
        "{1} answered · {2} not answered yet · {3} not applicable": "已回答 {1} · 未回答 {2} · 不适用 {3}",
        " (clause {1})": "（条款 {1}）",
        "Overall {1} ({2}), coverage {3}": "总体 {1}（{2}），覆盖率 {3}",
        "Top findings:": "主要发现：",
        "Readiness: {1} · {2} major, {3} minor nonconformities · {4} observations":
            "认证准备度：{1} · 严重不符合项 {2} 个，一般不符合项 {3} 个 · 观察项 {4} 个",
        " · {1} requirement questions unanswered": " · {1} 个标准要求问题未回答",
        "not ready for certification": "尚不具备认证条件",
        "diagnosis incomplete": "诊断尚未完成",
        "nearly ready for certification": "基本具备认证条件",
        "ready for certification": "已具备认证条件",
        "Write the report with:": "生成报告的命令：",
        "The answers have no date: write the assessment day after --start.":
            "答案中没有日期：请在 --start 后填写评估日期。",
        "Resuming {1}: 1 answer so far.": "继续 {1}：目前已有 1 个答案。",
        "Resuming {1}: {2} answers so far.": "继续 {1}：目前已有 {2} 个答案。",
    ]
}

extension InterviewView {
    /// The text for `english` in the view's language, with `{1}`, `{2}`… replaced by `values`.
    public func t(_ english: String, _ values: CustomStringConvertible...) -> String {
        var text = InterviewStrings.table(for: language)[english] ?? english
        for (index, value) in values.enumerated() {
            text = text.replacingOccurrences(of: "{\(index + 1)}", with: value.description)
        }
        return text
    }
}
