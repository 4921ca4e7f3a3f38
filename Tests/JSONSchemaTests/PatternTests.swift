import JSONSchema
import Testing

/// The fast matcher for simple patterns must agree with Swift `Regex` (configured as ECMA-262:
/// code-point semantics, ASCII `\d` and `\w`) on every input.
@Suite("pattern matching")
struct PatternTests {
    static let patterns = [
        "^[a-z][a-z0-9-]{1,31}$", "^[A-Z]{2}-\\d{4}-\\d{6}$", "[0-9]+", "^a*ab$", "^a+?b", "x?y*z+", "^$", "^\\s*$",
        "^[^/\\s]+$", "\\.json$", "^.{2,3}$", "^[\\w.-]+@[\\w-]+\\.[a-z]{2,}$", "^\\u4e2d", "[\\-\\]\\\\]",
        "^[a-f0-9]{64}$",
        "ab{0}c", "^v\\d+(?:)$", "^\\x41\\t", "^\\S\\D\\W$",
    ]
    static let inputs = [
        "", "a", "ab", "aab", "aaab", "b", "court-3", "Court-3", "c", "abcdefghijklmnopqrstuvwxyzabcdefg",
        "CN-2026-000123",
        "CN-2026-00012", "x", "xyz", "zz", "  ", " \t ", "a b", "a/b", "file.json", "file.jsonx", "中文", "中", "😀😀",
        "a.b@c-d.io", "a@b.c", "-", "]", "\\", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "ac",
        "abc", "v12", "v", "A\t", "x1!", "é1é", "٣", "a\n", "\na",
    ]

    @Test(arguments: patterns)
    func agreesWithSwiftRegex(pattern: String) throws {
        let schema = try JSONSchema(.object(["pattern": .string(pattern)]))
        let regex = try Regex(pattern).matchingSemantics(.unicodeScalar).asciiOnlyDigits().asciiOnlyWordCharacters()
        for input in Self.inputs {
            let expected = input.contains(regex)
            #expect(schema.isValid(.string(input)) == expected, "\(pattern) on \(input.debugDescription)")
        }
    }

    /// ECMA-262 classes that Swift `Regex` does not accept: `[]` matches nothing, `[^]` anything.
    @Test func emptyClasses() throws {
        #expect(try isValid(#"{"pattern":"^[^]$"}"#, #""\n""#))
        #expect(try !isValid(#"{"pattern":"^[^]$"}"#, #""ab""#))
        #expect(try !isValid(#"{"pattern":"[]"}"#, #""anything""#))
    }

    @Test func patternPropertiesUseTheSameMatcher() throws {
        let schema = try compile(
            #"{"patternProperties":{"^x-[a-z]+$":{"type":"string"},"(a|b)\\d":{"type":"integer"}},"additionalProperties":false}"#
        )
        #expect(schema.isValid(json(#"{"x-abc":"s","a1":1,"zzb2":2}"#)))
        #expect(schema.validate(json(#"{"x-ABC":"s"}"#)).map(\.description) == ["/x-ABC: property not allowed"])
        #expect(!schema.isValid(json(#"{"b3":"s"}"#)))
    }
}
