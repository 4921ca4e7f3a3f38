/// A fast matcher for the regular expressions most schemas use: a sequence of literal characters,
/// classes (`[a-z0-9-]`, `[^/]`, `\d`, `\w`, `\s`, `.`) and quantifiers (`?`, `*`, `+`, `{n}`,
/// `{n,}`, `{n,m}`, lazy or not), optionally anchored with `^` and `$`, with ECMA-262 semantics
/// over Unicode code points.
///
/// Patterns with groups, alternation, backreferences, lookaround, word boundaries or Unicode
/// properties are not simple: ``init(_:)`` returns `nil` and ``SchemaPattern`` uses Swift `Regex`.
/// The sampler also uses the parsed form to build strings that match.
struct SimplePattern: Sendable {
    struct Atom: Sendable {
        var set: ScalarSet
        var min: Int
        var max: Int
    }

    let atoms: [Atom]
    let anchoredStart: Bool
    let anchoredEnd: Bool

    /// Whether the pattern matches somewhere in `string` (unanchored search unless the pattern
    /// has `^` / `$`).
    func matches(_ string: String) -> Bool {
        let ascii = string.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
            for byte in bytes where byte >= 0x80 { return nil }
            return search(bytes)
        }
        if let ascii, let result = ascii { return result }
        return search(string.unicodeScalars.map(\.value))
    }

    private func search<Input: RandomAccessCollection>(_ input: Input) -> Bool
    where Input.Index == Int, Input.Element: FixedWidthInteger {
        if anchoredStart { return match(input, atom: 0, at: input.startIndex) }
        var start = input.startIndex
        while start <= input.endIndex {
            if match(input, atom: 0, at: start) { return true }
            start += 1
        }
        return false
    }

    /// Backtracking match of `atoms[atom...]` at `position`: each quantifier takes as many
    /// characters as it can, then gives them back one at a time.
    private func match<Input: RandomAccessCollection>(_ input: Input, atom: Int, at position: Int) -> Bool
    where Input.Index == Int, Input.Element: FixedWidthInteger {
        if atom == atoms.count { return !anchoredEnd || position == input.endIndex }
        let current = atoms[atom]
        var count = 0
        var next = position
        while count < current.max, next < input.endIndex, current.set.contains(UInt32(input[next])) {
            count += 1
            next += 1
        }
        if count < current.min { return false }
        while true {
            if match(input, atom: atom + 1, at: position + count) { return true }
            if count == current.min { return false }
            count -= 1
        }
    }

    /// A string that matches: each atom repeated `min + extra` times (at most `max`), using a
    /// representative character of its class. `nil` if a required class is empty.
    func sample(extra: Int) -> String? {
        var scalars = String.UnicodeScalarView()
        for atom in atoms {
            let repetitions = Swift.min(atom.max, atom.min + (atom.max > atom.min ? extra : 0))
            guard repetitions > 0 else { continue }
            guard let scalar = atom.set.representative else { return nil }
            for _ in 0..<repetitions { scalars.append(scalar) }
        }
        return String(scalars)
    }
}
