/// The rules that need the whole file: references, `after` cycles, phase order and `applies_if`.
extension QuestionnaireReader {
    mutating func check(_ questionnaire: Questionnaire) {
        checkReferences()
        checkCycles(questionnaire)
        checkPhaseOrder(questionnaire)
        checkConditions(questionnaire)
        checkCoverage(questionnaire)
    }

    /// A requirement that no question covers can never be assessed: warn, in file order.
    private mutating func checkCoverage(_ questionnaire: Questionnaire) {
        let covered = Set(questionnaire.allQuestions.flatMap(\.covers))
        for requirement in questionnaire.requirements where !covered.contains(requirement.id) {
            guard let position = requirementPositions[requirement.id] else { continue }
            schema.warning("requirement '\(requirement.id)' is covered by no question; list it in a question's 'covers'", at: position)
        }
    }

    private static func noun(_ kind: Kind) -> String {
        kind == .step ? "action or milestone" : kind.rawValue
    }

    private mutating func checkReferences() {
        for reference in references {
            let known = definitions[reference.kind] ?? [:]
            guard known[reference.id] != nil else {
                var kind = reference.kind == .step && reference.role != .milestoneAfter ? "action" : Self.noun(reference.kind)
                if reference.kind == .clause { kind = "clause" }
                let actionIds = self.actionIds
                let hint = schema.hint(for: reference.id, in: (reference.role == .milestoneAfter ? Array(known.keys)
                    : known.keys.filter { reference.kind != .step || actionIds.contains($0) }).sorted())
                schema.error("unknown \(kind) '\(reference.id)'\(hint)",
                             at: reference.position)
                continue
            }
            // Questions and actions name actions only; a milestone is not work that closes a gap.
            if reference.kind == .step, reference.role != .milestoneAfter, !actionIds.contains(reference.id) {
                let who = reference.role == .questionAction ? "a question links actions" : "an action can only come after actions"
                schema.error("'\(reference.id)' is a milestone; \(who)", at: reference.position)
            }
        }
    }

    /// `after` edges as (waiting step, step waited for, where it is written).
    private func afterEdges() -> [(from: String, to: String, position: SourcePosition)] {
        references.filter { $0.role == .actionAfter || $0.role == .milestoneAfter }
            .map { ($0.from, $0.id, $0.position) }
    }

    /// Reports each cycle of `after` links once, spelled out, at the link that closes it.
    private mutating func checkCycles(_ questionnaire: Questionnaire) {
        let steps = questionnaire.actions.map(\.id) + questionnaire.milestones.map(\.id)
        var successors: [String: [(String, SourcePosition)]] = [:]
        for edge in afterEdges() { successors[edge.from, default: []].append((edge.to, edge.position)) }
        enum Colour { case white, grey, black }
        var colour = Dictionary(steps.map { ($0, Colour.white) }, uniquingKeysWith: { a, _ in a })
        var reported = Set<Set<String>>()
        for start in steps where colour[start] == .white {
            // Iterative depth-first search: a long chain of `after` links cannot overflow the stack.
            var path: [String] = [start]
            var next: [Int] = [0]
            colour[start] = .grey
            while let node = path.last {
                let edges = successors[node] ?? []
                let index = next[next.count - 1]
                guard index < edges.count else {
                    colour[node] = .black
                    path.removeLast()
                    next.removeLast()
                    continue
                }
                next[next.count - 1] += 1
                let (target, position) = edges[index]
                switch colour[target] {
                case .white?:
                    colour[target] = .grey
                    path.append(target)
                    next.append(0)
                case .grey?:
                    let cycle = Array(path[path.lastIndex(of: target)!...])
                    if reported.insert(Set(cycle)).inserted {
                        let spelled = (cycle + [target]).joined(separator: " → ")
                        schema.error("'after' links form a cycle: \(spelled)", at: position)
                    }
                default:
                    break
                }
            }
        }
    }

    /// Nothing may wait for something of a later phase: the plan runs phases in order.
    private mutating func checkPhaseOrder(_ questionnaire: Questionnaire) {
        var phaseOf: [String: String] = [:]
        for action in questionnaire.actions { phaseOf[action.id] = action.phase }
        for milestone in questionnaire.milestones { phaseOf[milestone.id] = milestone.phase }
        for edge in afterEdges() {
            guard let waiting = phaseOf[edge.from], let waitedFor = phaseOf[edge.to],
                  let a = questionnaire.phaseIndex(waiting), let b = questionnaire.phaseIndex(waitedFor), b > a else { continue }
            schema.error("'\(edge.from)' (phase '\(waiting)') cannot come after '\(edge.to)', which is in the later phase '\(waitedFor)'",
                         at: edge.position)
        }
    }

    private mutating func checkConditions(_ questionnaire: Questionnaire) {
        let questions = Dictionary(questionnaire.allQuestions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for (question, condition, node) in conditions {
            let targetNode = node.mapping?.first { $0.key.scalar?.text == "question" }?.value
            if condition.question == question {
                schema.error("question '\(question)' cannot depend on its own answer in applies_if", at: targetNode?.position ?? node.position)
                continue
            }
            guard let target = questions[condition.question], let scale = questionnaire.scale(target.scale) else { continue }
            let valueNodes = node.mapping?.first { $0.key.scalar?.text == "in" }?.value.sequence ?? []
            let allowed = scale.options.map(\.value) + (scale.allowNA ? ["na"] : [])
            for (value, valueNode) in zip(condition.values, valueNodes) where !allowed.contains(value) {
                schema.error("'\(value)' is not an answer to question '\(target.id)' (scale '\(scale.id)': \(allowed.joined(separator: ", ")))",
                             at: valueNode.position)
            }
        }
    }
}
