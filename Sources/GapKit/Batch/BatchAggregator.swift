import Foundation

/// Counts answers per group and question, and scores each respondent, in memory that grows with
/// groups × questions × options, never with rows.
///
/// Every score comes from a finite scale, so a count per option is enough to give the mean,
/// median, minimum, maximum, standard deviation and distribution exactly.
final class BatchAggregator {
    let layout: BatchLayout
    /// Group 0 is everyone; the others are the `--group-by` value combinations, in order of first appearance.
    private(set) var keys: [[String]] = [[]]
    /// Group values as read → group; then, for values not seen before, as compared (`GroupMap.key`) → group.
    private var index: [[String]: Int] = [[]: 0]
    private var normalIndex: [[String]: Int] = [[]: 0]
    /// Each group's values as read (without outer spaces), in order of first appearance, at most 10.
    private(set) var variants: [[[String]]] = [[]]
    let groupMap: GroupMap
    private(set) var counts: [[Int]]
    private(set) var respondents: [Int] = [0]

    /// One respondent's scores.
    struct Scores {
        var overall: Double?
        var areas: [Double?]
        var answered: Int
        var applicable: Int
    }

    // The layout again as flat arrays, read once per cell.
    private let optionCounts: [Int], offsets: [Int], weights: [Double], areas: [Int], scoreOffsets: [Int], scores: [Double]
    private let conditional: [(question: Int, target: Int, allowed: Set<UInt8>)]

    /// Per-area sums of the row being scored (weighted scores, then weights), reused for every row.
    private let scratch: UnsafeMutableBufferPointer<Double>

    deinit {
        scratch.deallocate()
    }

    init(layout: BatchLayout, groupMap: GroupMap = GroupMap()) {
        self.layout = layout
        self.groupMap = groupMap
        scratch = .allocate(capacity: 2 * max(layout.areaCount, 1))
        scratch.initialize(repeating: 0)
        counts = [[Int](repeating: 0, count: layout.slotCount)]
        optionCounts = layout.scores.map(\.count)
        offsets = layout.offsets
        weights = layout.weights
        areas = layout.areas
        var scoreOffsets: [Int] = [], next = 0
        for option in layout.scores {
            scoreOffsets.append(next)
            next += option.count
        }
        self.scoreOffsets = scoreOffsets
        scores = layout.scores.flatMap { $0 }
        conditional = layout.conditions.enumerated().compactMap { q, condition in condition.map { (q, $0.target, $0.allowed) } }
    }

    /// Adds one respondent. `codes` holds a `CellMatcher` code per question; questions whose
    /// `applies_if` fails become not applicable in it.
    func add(_ codes: UnsafeMutableBufferPointer<UInt8>, group: [String]?) -> Scores {
        for condition in conditional {
            let given = codes[condition.target]
            if given < CellMatcher.empty, !condition.allowed.contains(given) {
                codes[condition.question] = CellMatcher.notApplicable
            }
        }
        count(codes, into: 0)
        if let group {
            count(codes, into: self.group(group))
        }
        return score(codes)
    }

    /// The group of a row's values: `Network`, `network ` and a `--group-map` synonym are one group,
    /// named as first seen (or as the map names it).
    private func group(_ values: [String]) -> Int {
        if let known = index[values] { return known }
        let normal = values.map(groupMap.key)
        let g: Int
        if let known = normalIndex[normal] {
            g = known
        } else {
            g = keys.count
            keys.append(values.map(groupMap.name))
            normalIndex[normal] = g
            counts.append([Int](repeating: 0, count: layout.slotCount))
            respondents.append(0)
            variants.append([])
        }
        // Raw spellings are remembered (bounded), so a column of free text cannot grow this without end.
        if index.count < 100_000 { index[values] = g }
        let shown = values.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        if variants[g].count < 10, !variants[g].contains(shown) { variants[g].append(shown) }
        return g
    }

    /// Groups written more than one way, each with its spellings: for the warning.
    var mergedVariants: [(group: [String], variants: [[String]])] {
        keys.indices.dropFirst().compactMap { g in variants[g].count > 1 ? (keys[g], variants[g]) : nil }
    }

    /// The summed counts of the groups whose value in group-by column `column` is `value` (as compared), or nil when none is.
    func counts(column: Int, value: String) -> (counts: [Int], respondents: Int)? {
        let wanted = groupMap.key(value)
        var sum = [Int](repeating: 0, count: layout.slotCount), people = 0, found = false
        for g in keys.indices.dropFirst() where column < keys[g].count && groupMap.key(keys[g][column]) == wanted {
            found = true
            people += respondents[g]
            for slot in sum.indices { sum[slot] += counts[g][slot] }
        }
        return found ? (sum, people) : nil
    }

    private func count(_ codes: UnsafeMutableBufferPointer<UInt8>, into group: Int) {
        respondents[group] += 1
        counts[group].withUnsafeMutableBufferPointer { slots in
            for q in 0..<codes.count {
                let code = Int(codes[q]), options = optionCounts[q]
                if code < options {
                    slots[offsets[q] + code] += 1
                } else if code == Int(CellMatcher.notApplicable) {
                    slots[offsets[q] + options] += 1
                }
            }
        }
    }

    /// The respondent's overall and area scores, by the rules of docs/SCORING.md.
    private func score(_ codes: UnsafeMutableBufferPointer<UInt8>) -> Scores {
        var weighted = 0.0, weight = 0.0, answered = 0, applicable = 0
        let areaWeighted = scratch, areaWeight = UnsafeMutableBufferPointer(rebasing: scratch[layout.areaCount...])
        areaWeighted.update(repeating: 0)
        for q in 0..<codes.count {
            let code = codes[q]
            if code == CellMatcher.notApplicable { continue }
            applicable += 1
            guard Int(code) < optionCounts[q] else { continue }
            answered += 1
            let w = weights[q], s = scores[scoreOffsets[q] + Int(code)]
            weighted += w * s
            weight += w
            let area = areas[q]
            if area >= 0 {
                areaWeighted[area] += w * s
                areaWeight[area] += w
            }
        }
        return Scores(overall: weight > 0 ? weighted / weight : nil,
                      areas: (0..<layout.areaCount).map { areaWeight[$0] > 0 ? areaWeighted[$0] / areaWeight[$0] : nil },
                      answered: answered, applicable: applicable)
    }
}
