import Foundation

/// Counts of the shipped ISO/IEC 20000-1 questionnaire, as `gapkit validate` reports them, so that
/// tests of its screens and outputs follow the questionnaire instead of repeating its figures.
enum ShippedQuestionnaire {
    static let path = Paths.inRepository("questionnaires/iso20000-1-2018.yaml")

    struct Counts {
        var questions: Int
        var milestones: Int
        var documents: Int
    }

    /// Parses `…: ok: 77 clauses (57 leaves), 251 questions (235 mandatory), 4 areas, 56 actions, 12 milestones, 48 documents`.
    static let counts: Counts? = {
        guard let result = try? GapKitBinary.run(["validate", path]), result.status == 0 else { return nil }
        func count(_ noun: String) -> Int? {
            guard let range = result.stdout.range(of: #"(\d+) \#(noun)"#, options: .regularExpression) else { return nil }
            return Int(result.stdout[range].split(separator: " ")[0])
        }
        guard let questions = count("questions"), let milestones = count("milestones"), let documents = count("documents") else { return nil }
        return Counts(questions: questions, milestones: milestones, documents: documents)
    }()
}
