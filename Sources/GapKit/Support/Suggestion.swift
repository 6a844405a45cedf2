/// "Did you mean …?" for mistyped keys and ids.
///
/// A typo is short and close: words longer than `maxLength` get no suggestion, a candidate whose
/// length differs by more than the allowed distance is skipped unread, and the distance is
/// computed only in the band where it can stay within the limit. One call costs at most
/// `maxLength` × (2 × limit + 1) steps per candidate, whatever the lengths of the texts
/// (issue 12, finding 10: 100 unknown ids of 20,000 characters took over 20 s).
public enum Suggestion {
    /// Longest word a suggestion is looked for (ids and keys are far shorter).
    public static let maxLength = 64

    /// The candidate closest to `word` by edit distance, if close enough to be a likely typo.
    public static func closest<S: Sequence>(to word: String, in candidates: S) -> String? where S.Element == String {
        guard word.utf8.count <= 4 * maxLength else { return nil }
        let a = Array(word.lowercased())
        guard a.count <= maxLength else { return nil }
        let limit = max(1, a.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            // Read no more of a long candidate than could still be within the limit.
            let b = Array(candidate.lowercased(maxCharacters: a.count + limit + 1))
            guard abs(a.count - b.count) <= limit, let distance = editDistance(a, b, limit: min(limit, (best?.1 ?? .max) - 1))
            else { continue }
            best = (candidate, distance)
        }
        return best?.0
    }

    /// `; did you mean 'x'?` or the empty string.
    static func hint<S: Sequence>(for word: String, in candidates: S) -> String where S.Element == String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance, counting an adjacent transposition as one edit.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        return editDistance(a, b, limit: max(a.count, b.count)) ?? max(a.count, b.count)
    }

    /// The distance between `a` and `b` if it is at most `limit`, else nil; only cells within
    /// `limit` of the diagonal are computed.
    static func editDistance(_ a: [Character], _ b: [Character], limit: Int) -> Int? {
        guard limit >= 0, abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let outside = limit + 1
        var before = [Int](repeating: outside, count: b.count + 1)
        var previous = (0...b.count).map { min($0, outside) }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit), high = min(b.count, i + limit)
            current[0] = min(i, outside)
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            for j in low...high {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, before[j - 2] + 1) }
                current[j] = min(value, outside)
                rowMinimum = min(rowMinimum, current[j])
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return nil }
            (before, previous, current) = (previous, current, before)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}

private extension String {
    /// The first `maxCharacters` characters, lowercased, without reading the rest.
    func lowercased(maxCharacters: Int) -> String {
        String(prefix(maxCharacters)).lowercased()
    }
}
