/// Merges the answer files of one assessment (one per interview) into one set of answers.
///
/// A question answered in one file takes that answer. The same value in several files is one
/// answer given by all their interviewees. Different values are a conflict: left unsettled (the
/// caller reports every position), or settled by a preference: `worst` keeps the lowest-scoring
/// option (an option before "not applicable"), `latest` the one given last (`on`, else the file's
/// `date`; on a tie, the file named later). Notes and evidence of every file are kept. The rules,
/// with a worked example, are in docs/ANSWERS.md.
public struct AnswerMerger: Sendable {
    public enum Preference: String, CaseIterable, Sendable {
        case worst, latest
    }

    /// One file's answer to a question.
    public struct Claim: Hashable, Sendable {
        public var path: String
        public var position: SourcePosition?
        public var value: Answer.Value
        public var interviewees: [String]
        public var on: CalendarDate?

        /// `path:line:column`, or the path alone.
        public var location: String { position.map { "\(path):\($0)" } ?? path }
    }

    /// Answers to one question that differ.
    public struct Conflict: Hashable, Sendable {
        public var question: String
        /// Each file's answer, in the order the files were given.
        public var claims: [Claim]
        /// The value a preference kept, when one was given.
        public var settled: Answer.Value?
    }

    public struct Result: Sendable {
        public var answers: AnswerSet
        /// Settled ones when a preference was given, else the ones to settle by hand (their questions have no value).
        public var conflicts: [Conflict]

        public init(answers: AnswerSet, conflicts: [Conflict]) {
            self.answers = answers
            self.conflicts = conflicts
        }
    }

    public let questionnaire: Questionnaire

    public init(questionnaire: Questionnaire) {
        self.questionnaire = questionnaire
    }

    public func merge(_ files: [(path: String, answers: AnswerSet)], prefer: Preference? = nil) -> Result {
        var merged = AnswerSet(questionnaire: questionnaire.id)
        for (_, set) in files {
            merged.respondent.name = merged.respondent.name ?? set.respondent.name
            merged.respondent.role = merged.respondent.role ?? set.respondent.role
            merged.respondent.organization = merged.respondent.organization ?? set.respondent.organization
            merged.consultant = merged.consultant ?? set.consultant
            if let date = set.date, merged.date.map({ date > $0 }) ?? true { merged.date = date }  // the last interview day
            for person in set.interviewees {
                if let index = merged.interviewees.firstIndex(where: { $0.name == person.name }) {
                    merged.interviewees[index].role = merged.interviewees[index].role ?? person.role
                } else {
                    merged.interviewees.append(person)
                }
            }
        }
        var conflicts: [Conflict] = []
        for question in questionnaire.allQuestions {
            let given = files.compactMap { file in file.answers[question.id].map { (file, $0) } }
            guard !given.isEmpty else { continue }
            var claims: [Claim] = []
            for (file, answer) in given {
                guard let value = answer.value else { continue }
                claims.append(Claim(path: file.path, position: file.answers.positions[question.id], value: value,
                                    interviewees: Self.people(answer, file.answers), on: answer.on ?? file.answers.date))
            }
            var answer = Answer(question: question.id, value: nil)
            answer.note = Self.notes(given.map { file, answer in (answer.note, Self.people(answer, file.answers)) })
            answer.evidence = Self.unique(given.flatMap { $0.1.evidence })
            let values = Self.unique(claims.map(\.value))
            var kept: Answer.Value?
            if values.count == 1 {
                kept = values[0]
            } else if values.count > 1 {
                kept = prefer.map { settle(claims, question: question, by: $0) }
                conflicts.append(Conflict(question: question.id, claims: claims, settled: kept))
            }
            if let kept {
                let agreeing = claims.filter { $0.value == kept }
                answer.value = kept
                answer.interviewees = Self.unique(agreeing.flatMap(\.interviewees))
                answer.on = agreeing.compactMap(\.on).max()
            }
            merged.set(answer)
            for name in given.flatMap({ Self.people($0.1, $0.0.answers) }) where !merged.interviewees.contains(where: { $0.name == name }) {
                merged.interviewees.append(.init(name: name))
            }
        }
        return Result(answers: merged, conflicts: conflicts)
    }

    private func settle(_ claims: [Claim], question: Questionnaire.Question, by preference: Preference) -> Answer.Value {
        switch preference {
        case .worst:
            let scale = questionnaire.scale(question.scale)
            func score(_ value: Answer.Value) -> Double {
                guard case .option(let option) = value else { return .infinity }
                return scale?.option(option)?.score ?? .infinity
            }
            // The first of the lowest, so that the files' order decides a tie.
            return claims.min { score($0.value) < score($1.value) }!.value
        case .latest:
            var latest = claims[0]
            for claim in claims.dropFirst() where (claim.on?.daysSinceEpoch ?? .min) >= (latest.on?.daysSinceEpoch ?? .min) { latest = claim }
            return latest.value
        }
    }

    /// Who gave an answer: its `by`, else the one interviewee of its file, if the file lists one.
    static func people(_ answer: Answer, _ file: AnswerSet) -> [String] {
        !answer.interviewees.isEmpty ? answer.interviewees : file.interviewees.count == 1 ? [file.interviewees[0].name] : []
    }

    /// The notes of several answers: one note as it is; several different ones each after its interviewees' names.
    static func notes(_ notes: [(note: String?, by: [String])]) -> String? {
        let noted = notes.filter { $0.note != nil }
        let distinct = unique(noted.compactMap(\.note))
        guard distinct.count > 1 else { return distinct.first }
        return unique(noted.map { note, by in by.isEmpty ? note! : by.joined(separator: ", ") + ": " + note! }).joined(separator: "; ")
    }

    static func unique<T: Hashable>(_ items: [T]) -> [T] {
        var seen = Set<T>()
        return items.filter { seen.insert($0).inserted }
    }
}

extension AnswerMerger.Conflict {
    /// One error per file that holds an answer in the conflict, each at its position, naming the others.
    public var errors: [String] {
        claims.map { claim in
            let others = claims.filter { $0 != claim }.map { "'\($0.value)' at \($0.location)\($0.byline)" }
            return "\(claim.location): error: conflicting answers to \(question): '\(claim.value)' here\(claim.byline), "
                + others.joined(separator: ", ") + "; settle it in the files, or pass --prefer worst|latest"
        }
    }

    /// How a preference settled it, in one line.
    public func warning(_ preference: AnswerMerger.Preference) -> String {
        let given = claims.map { "'\($0.value)' (\($0.location)\($0.interviewees.isEmpty ? "" : ", " + $0.interviewees.joined(separator: ", ")))" }
        return "warning: different answers to \(question): \(given.joined(separator: ", ")); --prefer \(preference.rawValue) kept '\(settled.map(\.description) ?? "")'"
    }
}

extension AnswerMerger.Claim {
    var byline: String { interviewees.isEmpty ? "" : " (\(interviewees.joined(separator: ", ")))" }
}
