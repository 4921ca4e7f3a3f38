import JSONSchema
import Testing

@Suite("JSON parser")
struct JSONParserTests {
    @Test func parsesEveryKindOfValue() throws {
        let value = try JSONValue.parse(#" { "a" : [1, -2.5, 3e2, true, false, null, "x"], "b": {}, "c": [] } "#)
        #expect(value == ["a": [1, -2.5, 300, true, false, .null, "x"], "b": [:], "c": []])
    }

    @Test(arguments: [
        ("0", 0.0), ("-0", 0.0), ("42", 42), ("-17", -17), ("1.5", 1.5), ("-0.25", -0.25), ("1e3", 1000),
        ("1E+2", 100), ("25e-1", 2.5), ("123456789012345678", 123_456_789_012_345_678),
        ("9007199254740993", 9_007_199_254_740_992), ("1.7976931348623157e308", 1.7976931348623157e308),
        ("5e-324", 5e-324), ("1e-400", 0),
    ])
    func parsesNumbers(text: String, expected: Double) throws {
        #expect(try JSONValue.parse(text) == .number(expected))
    }

    @Test(arguments: ["01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "1.e3", "-01", "NaN", "Infinity", "--1"])
    func rejectsMalformedNumbers(text: String) {
        #expect(parseError(text) != nil, "\(text) should not parse")
    }

    @Test func rejectsNumbersTooLargeForDouble() {
        let error = parseError("[1e400]")
        #expect(error?.code == .numberOutOfRange)
        #expect(error?.offset == 1)
    }

    @Test func integerness() throws {
        #expect(try JSONValue.parse("42").isInteger)
        #expect(try JSONValue.parse("1.0").isInteger)
        #expect(try JSONValue.parse("1e3").isInteger)
        #expect(try !JSONValue.parse("42.5").isInteger)
        #expect(try JSONValue.parse("-7").int64Value == -7)
        #expect(try JSONValue.parse("\"7\"").int64Value == nil)
    }

    @Test func decodesEscapes() throws {
        let value = try JSONValue.parse(#""a\"b\\c\/d\be\ff\ng\rh\ti\u0041\u00e9\u4e2d\u0000""#)
        #expect(value == .string("a\"b\\c/d\u{8}e\u{C}f\ng\rh\tiAé中\u{0}"))
    }

    @Test func decodesSurrogatePairs() throws {
        #expect(try JSONValue.parse(#""\ud83d\ude00 \uD834\uDD1E""#) == .string("😀 𝄞"))
    }

    @Test(arguments: [#""\ud83d""#, #""\ud83d x""#, #""\ude00""#, #""\ud83d\u0041""#, #""\ud83d\n""#])
    func rejectsLoneSurrogates(text: String) {
        #expect(parseError(text)?.code == .invalidUnicodeEscape)
    }

    @Test func rejectsBadEscapes() {
        #expect(parseError(#""\x41""#)?.code == .invalidEscape)
        #expect(parseError(#""\u12G4""#)?.code == .invalidUnicodeEscape)
        #expect(parseError(#""\'""#)?.code == .invalidEscape)
    }

    @Test func keepsUnicodeText() throws {
        #expect(try JSONValue.parse("\"中文 é 😀\"") == .string("中文 é 😀"))
        #expect(try JSONValue.parse("{\"键\":\"值\"}") == ["键": "值"])
    }

    @Test func rejectsControlCharactersInStrings() {
        let error = parseError("\"a\tb\"")
        #expect(error?.code == .controlCharacterInString)
        #expect(error?.offset == 2)
    }

    @Test(
        arguments: [
            [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xC0, 0xAF, 0x22], [0x22, 0xE0, 0x80, 0xAF, 0x22],
            [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xF4, 0x90, 0x80, 0x80, 0x22],
            [0x22, 0xF8, 0x88, 0x80, 0x80, 0x80, 0x22],
            [0x22, 0x61, 0xE4, 0xB8, 0x22],
        ] as [[UInt8]])
    func rejectsInvalidUTF8InStrings(bytes: [UInt8]) {
        let error = parseError(bytes)
        #expect(error?.code == .invalidUTF8)
        #expect(error?.description.hasPrefix("invalid JSON at byte") == true)
    }

    @Test func rejectsInvalidUTF8OutsideStrings() {
        #expect(parseError([0xEF, 0xBB, 0xBF, 0x31]) != nil, "a byte-order mark is not JSON")
        #expect(parseError([0x5B, 0xFF, 0x5D])?.code == .unexpectedCharacter)
    }

    @Test func rejectsDuplicateKeys() {
        let error = parseError(#"{"a": 1, "b": {"c": 1, "c": 2}}"#)
        #expect(error?.code == .duplicateKey)
        #expect(error?.offset == 23)
        #expect(error?.description == #"invalid JSON at byte 23: duplicate key "c""#)
    }

    @Test func rejectsTrailingCommas() {
        #expect(parseError("[1, 2,]")?.code == .unexpectedCharacter)
        #expect(parseError(#"{"a": 1,}"#)?.code == .unexpectedCharacter)
    }

    @Test func rejectsTrailingGarbage() {
        let error = parseError("{} x")
        #expect(error?.code == .trailingCharacters)
        #expect(error?.offset == 3)
        #expect(parseError("1 2")?.code == .trailingCharacters)
        #expect(parseError("{}\n\t ") == nil)
    }

    @Test(arguments: ["", " ", "[", "{", #"{"a""#, #"{"a":"#, #"{"a":1"#, "[1", #""abc"#, "tru", "nul", #""\u12"#])
    func rejectsTruncatedInput(text: String) {
        #expect(parseError(text)?.code == .unexpectedEnd, "\(text)")
    }

    @Test(arguments: ["{1: 2}", "{'a': 1}", "[1 2]", "{\"a\" 1}", "True", "nulll", "[,1]", "{,}"])
    func rejectsMalformedStructure(text: String) {
        #expect(parseError(text) != nil, "\(text)")
    }

    @Test func describesTheProblemAndOffset() {
        let error = parseError(#"{"subject": "x" "kind": 1}"#)
        #expect(error?.offset == 16)
        #expect(error?.description == "invalid JSON at byte 16: expected ',' or '}', found '\"'")
        #expect(parseError("[1, 2")?.description == "invalid JSON at byte 5: expected ',' or ']', found end of input")
    }

    @Test func limitsNesting() throws {
        let ok = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(try JSONValue.parse(ok).arrayValue != nil)
        let deep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        let error = parseError(deep)
        #expect(error?.code == .nestingTooDeep)
        #expect(error?.description == "invalid JSON at byte 64: nesting deeper than 64 levels")
        #expect(try JSONValue.parse(deep, maxDepth: 100).arrayValue != nil)
        let objects = String(repeating: #"{"a":"#, count: 3) + "1" + String(repeating: "}", count: 3)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(objects, maxDepth: 2) }
    }

    @Test func survivesVeryDeepInputWithoutCrashing() {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        #expect(parseError(bytes)?.code == .nestingTooDeep)
    }

    @Test func parsesFromAnyByteCollection() throws {
        let text = #"{"a": [1, "b"]}"#
        let expected: JSONValue = ["a": [1, "b"]]
        #expect(try JSONValue.parse(Array(text.utf8)) == expected)
        #expect(try JSONValue.parse(text.utf8) == expected)
        #expect(try JSONValue.parse(ArraySlice(Array(text.utf8))) == expected)
        #expect(try JSONValue.parse(text.utf8.lazy.map { $0 }) == expected)
    }
}
