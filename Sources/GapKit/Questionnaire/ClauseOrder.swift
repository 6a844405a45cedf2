/// How clause ids sort wherever output is ordered by clause: segment by segment (split at `.`),
/// numerically where both segments are whole numbers, else by code point; a prefix comes first.
/// So 4.1 < 8.2 < 10.1, A.5.9 < A.5.10 and 8 < 8.1.
public enum ClauseOrder {
    public static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (a.split(separator: ".", omittingEmptySubsequences: false), b.split(separator: ".", omittingEmptySubsequences: false))
        for (p, q) in zip(x, y) where p != q {
            if let m = wholeNumber(p), let n = wholeNumber(q), m != n { return m < n }
            // Equal numbers written differently ("01" and "1"), or text: by code point.
            return p.unicodeScalars.lexicographicallyPrecedes(q.unicodeScalars)
        }
        return x.count < y.count
    }

    /// The value of a segment of ASCII digits (arbitrarily long ones compare by length first, then digits).
    private static func wholeNumber(_ segment: Substring) -> Decimalish? {
        guard !segment.isEmpty, segment.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
        return Decimalish(digits: segment)
    }

    /// A whole number of any length, compared by value.
    private struct Decimalish: Comparable {
        let significant: Substring

        init(digits: Substring) {
            let trimmed = digits.drop { $0 == "0" }
            significant = trimmed
        }

        static func < (a: Decimalish, b: Decimalish) -> Bool {
            a.significant.count != b.significant.count ? a.significant.count < b.significant.count
                : a.significant.unicodeScalars.lexicographicallyPrecedes(b.significant.unicodeScalars)
        }

        static func == (a: Decimalish, b: Decimalish) -> Bool { a.significant == b.significant }
    }
}
