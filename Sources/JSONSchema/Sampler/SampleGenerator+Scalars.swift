extension SampleGenerator {
    /// A number within the bounds and a multiple of `multipleOf`: `0` (minimal) or `1` (maximal)
    /// moved into range, plus `variant`.
    func number(_ facts: SchemaFacts, integer: Bool, variant: Int) -> JSONValue? {
        let step = facts.multipleOf ?? (integer ? 1 : 0)
        let increment = step > 0 ? step : 1
        var value = (mode == .maximal ? 1.0 : 0.0)
        if let low = facts.lowerBound, value < low || (facts.lowerExclusive && value == low) { value = low }
        if integer { value = value.rounded(.up) }
        if step > 0 { value = (value / step).rounded(.up) * step }
        if let low = facts.lowerBound, facts.lowerExclusive, value <= low {
            value = step > 0 ? value + step : low.nextUp
        }
        value += Double(variant) * increment
        if let high = facts.upperBound, value > high || (facts.upperExclusive && value == high) {
            value = high
            if integer { value = value.rounded(.down) }
            if step > 0 { value = (value / step).rounded(.down) * step }
            if facts.upperExclusive, value >= high { value = step > 0 ? value - step : high.nextDown }
        }
        if integer, value.rounded(.towardZero) != value { return nil }
        return value.isFinite ? .number(value) : nil
    }

    /// Strings to try, best first: for `format`, a fixed valid value; for a simple `pattern`, a
    /// string built from it; otherwise letters padded to `minLength`. `examples` come first when
    /// maximal, last when minimal. Only strings of a valid length that match every pattern are
    /// returned.
    func strings(_ facts: SchemaFacts, variant: Int) -> [String] {
        var candidates: [String] = []
        if let format = facts.format {
            candidates.append(Self.sample(format, variant: variant))
        } else if let simple = facts.patterns.lazy.compactMap(\.simple).first {
            for extra in [0, 1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64, 128, 256] {
                if let string = simple.sample(extra: extra + variant) { candidates.append(string) }
            }
        } else if facts.patterns.isEmpty {
            let base = mode == .maximal ? "example" : ""
            let suffix = variant > 0 ? String(variant) : ""
            var string = base + suffix
            let length = string.unicodeScalars.count
            if length < facts.minLength { string += String(repeating: "a", count: facts.minLength - length) }
            if string.unicodeScalars.count > facts.maxLength {
                string = String(String.UnicodeScalarView(string.unicodeScalars.suffix(facts.maxLength)))
            }
            candidates.append(string)
        } else {
            candidates += ["a", "A", "0", "a0", "example"].map { $0 + (variant > 0 ? String(variant) : "") }
        }
        let examples = facts.examples.compactMap(\.stringValue)
        candidates = mode == .maximal ? examples + candidates : candidates + examples
        return candidates.filter { string in
            let length = string.unicodeScalars.count
            return length >= facts.minLength && length <= facts.maxLength
                && facts.patterns.allSatisfy { $0.matches(string) }
                && (facts.format?.accepts(string) ?? true)
        }
    }

    /// A fixed valid value for each asserted format; `variant` changes it for `uniqueItems`.
    static func sample(_ format: StringFormat, variant: Int) -> String {
        let digit = String(variant % 10)
        switch format {
        case .dateTime: return "2026-01-01T00:00:0\(digit)Z"
        case .date: return "2026-01-0\(variant % 9 + 1)"
        case .time: return "00:00:0\(digit)Z"
        case .uuid: return "00000000-0000-4000-8000-00000000000\(digit)"
        }
    }
}
