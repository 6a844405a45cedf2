/// Sheet names as Excel accepts them: at most 31 characters, none of `[]:*?/\`, not empty, unique
/// regardless of case.
enum SheetName {
    static func clean(_ names: [String]) -> [String] {
        var used = Set<String>(), out: [String] = []
        for (index, name) in names.enumerated() {
            var base = String(name.filter { !"[]:*?/\\".contains($0) && !XMLCharacters.isForbidden($0.unicodeScalars.first ?? " ") }
                .trimmingPrefix("'"))
            while base.hasSuffix("'") { base.removeLast() }
            if base.isEmpty { base = "Sheet\(index + 1)" }
            base = String(base.prefix(31))
            var candidate = base, number = 2
            while used.contains(candidate.lowercased()) {
                let suffix = " (\(number))"
                candidate = String(base.prefix(31 - suffix.count)) + suffix
                number += 1
            }
            used.insert(candidate.lowercased())
            out.append(candidate)
        }
        return out
    }
}
