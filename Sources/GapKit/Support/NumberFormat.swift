/// Numbers rounded for people (JSON keeps them unrounded).
public enum NumberFormat {
    /// `0.5833` → `58.3%`; nil → `–`.
    public static func percent(_ value: Double?, decimals: Int = 1) -> String {
        guard let value else { return "–" }
        return fixed(value * 100, decimals: decimals) + "%"
    }

    /// A number with a fixed number of decimals, rounded half away from zero: `fixed(2.25, decimals: 1)` → `2.3`.
    public static func fixed(_ value: Double, decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        // Beyond what an Int holds exactly, fall back to Swift's own rendering rather than trap.
        guard value.isFinite, abs(value) * scale < 1e15 else { return "\(value)" }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let whole = Int(scaled / scale), fraction = Int(scaled) - whole * Int(scale)
        let sign = value < 0 && scaled != 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    /// Person-days: whole numbers without decimals, others with one.
    public static func days(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : fixed(value, decimals: 1)
    }
}
