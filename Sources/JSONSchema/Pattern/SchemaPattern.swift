import Synchronization

/// A compiled `pattern` / `patternProperties` regular expression.
///
/// Common patterns run on ``SimplePattern``, a small backtracking matcher (no allocation for
/// ASCII input); anything else runs on Swift `Regex` with Unicode-scalar semantics and ASCII-only
/// `\d` and `\w`, as in ECMA-262. Matching is an unanchored search, as JSON Schema specifies.
/// A class, so that constraints holding one cost a single retain to copy.
final class SchemaPattern: Sendable {
    /// The pattern as written in the schema.
    let source: String
    let simple: SimplePattern?
    private let regex: LockedRegex?

    /// Compiles `source`; throws the `Regex` syntax error's description if it is not valid.
    init(_ source: String) throws(PatternSyntaxError) {
        self.source = source
        if let simple = SimplePattern(source) {
            self.simple = simple
            self.regex = nil
        } else {
            self.simple = nil
            do {
                let regex = try Regex(source)
                    .matchingSemantics(.unicodeScalar)
                    .asciiOnlyDigits()
                    .asciiOnlyWordCharacters()
                self.regex = LockedRegex(regex)
            } catch {
                throw PatternSyntaxError(reason: "\(error)")
            }
        }
    }

    /// Whether the pattern matches anywhere in `string`.
    func matches(_ string: String) -> Bool {
        if let simple { return simple.matches(string) }
        return regex?.contains(in: string) ?? false
    }
}

/// A `Regex` syntax error, reported by the schema compiler with the schema location.
struct PatternSyntaxError: Error {
    let reason: String
}

/// `Regex` is not `Sendable`; a mutex makes sharing one across threads sound. Only patterns
/// outside the ``SimplePattern`` subset pay for it.
private final class LockedRegex: Sendable {
    private let regex: Mutex<Regex<AnyRegexOutput>>

    init(_ regex: sending Regex<AnyRegexOutput>) {
        self.regex = Mutex(regex)
    }

    func contains(in string: String) -> Bool {
        regex.withLock { string.contains($0) }
    }
}
