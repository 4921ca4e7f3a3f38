extension Evaluator {
    /// `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`, `multipleOf`.
    mutating func checkNumber(_ constraint: Constraint, _ number: Double) -> Bool {
        let text = JSONValue.numberText(number)
        switch constraint {
        case .minimum(let limit):
            if number >= limit { return true }
            report("minimum", "\(text) is less than the minimum of \(JSONValue.numberText(limit))")
        case .maximum(let limit):
            if number <= limit { return true }
            report("maximum", "\(text) is greater than the maximum of \(JSONValue.numberText(limit))")
        case .exclusiveMinimum(let limit):
            if number > limit { return true }
            report("exclusiveMinimum", "\(text) must be greater than \(JSONValue.numberText(limit))")
        case .exclusiveMaximum(let limit):
            if number < limit { return true }
            report("exclusiveMaximum", "\(text) must be less than \(JSONValue.numberText(limit))")
        case .multipleOf(let divisor):
            if Self.isMultiple(number, of: divisor) { return true }
            report("multipleOf", "\(text) is not a multiple of \(JSONValue.numberText(divisor))")
        default:
            return true
        }
        return false
    }

    /// Exact for integers; for fractions, allows the rounding error of binary floating point
    /// (`0.3` is a multiple of `0.1`). A quotient too large to represent is not a multiple.
    static func isMultiple(_ number: Double, of divisor: Double) -> Bool {
        if number.rounded(.towardZero) == number, divisor.rounded(.towardZero) == divisor {
            return number.truncatingRemainder(dividingBy: divisor) == 0
        }
        let quotient = number / divisor
        guard quotient.isFinite else { return false }
        return abs(quotient - quotient.rounded()) <= max(1e-9, 8 * quotient.ulp)
    }

    /// `minLength`, `maxLength` (in Unicode code points), `pattern`, `format`.
    mutating func checkString(_ constraint: Constraint, _ string: String) -> Bool {
        switch constraint {
        case .minLength(let limit):
            // Code points never outnumber UTF-8 bytes, and are at least a quarter of them.
            let bytes = string.utf8.count
            if bytes >= limit * 4 || (bytes >= limit && string.unicodeScalars.count >= limit) { return true }
            report("minLength", "\(JSONValue.string(string).brief) is shorter than \(limit) characters")
        case .maxLength(let limit):
            if string.utf8.count <= limit || string.unicodeScalars.count <= limit { return true }
            report("maxLength", "\(JSONValue.string(string).brief) is longer than \(limit) characters")
        case .pattern(let pattern):
            if pattern.matches(string) { return true }
            report(
                "pattern",
                "\(JSONValue.string(string).brief) does not match the pattern \(JSONValue.string(pattern.source).brief)"
            )
        case .format(let format):
            if format.accepts(string) { return true }
            report("format", "\(JSONValue.string(string).brief) is not a valid \(format.rawValue)")
        default:
            return true
        }
        return false
    }
}
