extension SimplePattern {
    /// Parses `source` as a simple pattern, or returns `nil` if it uses anything beyond the
    /// subset described on ``SimplePattern`` (the caller then falls back to Swift `Regex`, which
    /// also reports syntax errors).
    init?(_ source: String) {
        var parser = SimplePatternParser(scalars: Array(source.unicodeScalars))
        guard let parsed = parser.parse() else { return nil }
        self = parsed
    }
}

/// Parses the simple-pattern subset; any unsupported or malformed construct yields `nil`.
private struct SimplePatternParser {
    let scalars: [Unicode.Scalar]
    var index = 0

    init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    mutating func parse() -> SimplePattern? {
        var atoms: [SimplePattern.Atom] = []
        var anchoredStart = false
        var anchoredEnd = false
        if scalars.first == "^" {
            anchoredStart = true
            index = 1
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let set: ScalarSet
            switch scalar {
            case "$":
                guard index == scalars.count - 1 else { return nil }
                anchoredEnd = true
                index += 1
                continue
            case "^", "|", "(", ")", "*", "+", "?", "{", "}", "]":
                return nil
            case ".":
                set = .dot
                index += 1
            case "[":
                guard let parsed = parseClass() else { return nil }
                set = parsed
            case "\\":
                guard let parsed = parseEscape(inClass: false) else { return nil }
                set = parsed.set
            default:
                set = ScalarSet([scalar.value...scalar.value])
                index += 1
            }
            guard let (min, max) = parseQuantifier() else { return nil }
            atoms.append(SimplePattern.Atom(set: set, min: min, max: max))
        }
        return SimplePattern(atoms: atoms, anchoredStart: anchoredStart, anchoredEnd: anchoredEnd)
    }

    /// Reads an optional quantifier; `(1, 1)` when there is none, `nil` when malformed.
    private mutating func parseQuantifier() -> (Int, Int)? {
        guard index < scalars.count else { return (1, 1) }
        var bounds: (Int, Int)
        switch scalars[index] {
        case "*":
            bounds = (0, Int.max)
            index += 1
        case "+":
            bounds = (1, Int.max)
            index += 1
        case "?":
            bounds = (0, 1)
            index += 1
        case "{":
            index += 1
            guard let low = parseInteger() else { return nil }
            bounds = (low, low)
            if index < scalars.count, scalars[index] == "," {
                index += 1
                if index < scalars.count, scalars[index] == "}" {
                    bounds = (low, Int.max)
                } else {
                    guard let high = parseInteger(), high >= low else { return nil }
                    bounds = (low, high)
                }
            }
            guard index < scalars.count, scalars[index] == "}" else { return nil }
            index += 1
        default:
            return (1, 1)
        }
        if index < scalars.count, scalars[index] == "?" { index += 1 }
        if index < scalars.count, ["*", "+", "?", "{"].contains(scalars[index]) { return nil }
        return bounds
    }

    private mutating func parseInteger() -> Int? {
        var value = 0
        let start = index
        while index < scalars.count, (0x30...0x39).contains(scalars[index].value) {
            value = value * 10 + Int(scalars[index].value - 0x30)
            index += 1
            if value > 100_000 { return nil }
        }
        return index > start ? value : nil
    }

    /// Parses `[...]` starting at `[`.
    private mutating func parseClass() -> ScalarSet? {
        index += 1
        var negated = false
        if index < scalars.count, scalars[index] == "^" {
            negated = true
            index += 1
        }
        var ranges: [ClosedRange<UInt32>] = []
        while index < scalars.count, scalars[index] != "]" {
            guard let (lowSet, low) = parseClassAtom() else { return nil }
            if index + 1 < scalars.count, scalars[index] == "-", scalars[index + 1] != "]" {
                index += 1
                guard let (_, high) = parseClassAtom(), let low, let high, low <= high else { return nil }
                ranges.append(low...high)
            } else {
                ranges.append(contentsOf: lowSet.ranges)
            }
        }
        guard index < scalars.count else { return nil }
        index += 1
        let set = ScalarSet(ranges)
        return negated ? set.complement : set
    }

    /// One class member: its set, and its single scalar value if it is one character.
    private mutating func parseClassAtom() -> (ScalarSet, UInt32?)? {
        let scalar = scalars[index]
        if scalar == "\\" {
            guard let parsed = parseEscape(inClass: true) else { return nil }
            return (parsed.set, parsed.single)
        }
        index += 1
        return (ScalarSet([scalar.value...scalar.value]), scalar.value)
    }

    /// Parses an escape starting at the backslash.
    private mutating func parseEscape(inClass: Bool) -> (set: ScalarSet, single: UInt32?)? {
        guard index + 1 < scalars.count else { return nil }
        let letter = scalars[index + 1]
        index += 2
        func single(_ value: UInt32) -> (ScalarSet, UInt32?) { (ScalarSet([value...value]), value) }
        switch letter {
        case "d": return (.digits, nil)
        case "D": return (ScalarSet.digits.complement, nil)
        case "w": return (.word, nil)
        case "W": return (ScalarSet.word.complement, nil)
        case "s": return (.space, nil)
        case "S": return (ScalarSet.space.complement, nil)
        case "t": return single(0x09)
        case "n": return single(0x0A)
        case "v": return single(0x0B)
        case "f": return single(0x0C)
        case "r": return single(0x0D)
        case "b" where inClass: return single(0x08)
        case "0":
            if index < scalars.count, (0x30...0x39).contains(scalars[index].value) { return nil }
            return single(0)
        case "x":
            guard let value = parseHex(digits: 2) else { return nil }
            return single(value)
        case "u":
            guard let value = parseHex(digits: 4), !(0xD800...0xDFFF).contains(value) else { return nil }
            return single(value)
        case "-" where inClass:
            return single(letter.value)
        case "^", "$", "\\", ".", "*", "+", "?", "(", ")", "[", "]", "{", "}", "|", "/":
            return single(letter.value)
        default:
            return nil
        }
    }

    private mutating func parseHex(digits: Int) -> UInt32? {
        guard index + digits <= scalars.count else { return nil }
        var value: UInt32 = 0
        for scalar in scalars[index..<index + digits] {
            guard scalar.isASCII, let digit = UInt32(String(scalar), radix: 16) else { return nil }
            value = value << 4 | digit
        }
        index += digits
        return value
    }
}
