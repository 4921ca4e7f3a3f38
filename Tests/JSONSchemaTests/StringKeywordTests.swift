import JSONSchema
import Testing

@Suite("string keywords")
struct StringKeywordTests {
    static let cases: [KeywordCase] = [
        .init(#"{"minLength":2}"#, "\"ab\"", true),
        .init(#"{"minLength":2}"#, "\"a\"", false),
        .init(#"{"minLength":2}"#, "\"\"", false),
        .init(#"{"minLength":2}"#, "1", true),
        // Lengths count Unicode code points: 😀 is one, é written as e + U+0301 is two.
        .init(#"{"minLength":2}"#, "\"😀\"", false),
        .init(#"{"minLength":2}"#, #""e\u0301""#, true),
        .init(#"{"maxLength":2}"#, "\"中文\"", true),
        .init(#"{"maxLength":2}"#, "\"中文字\"", false),
        .init(#"{"maxLength":1}"#, "\"😀\"", true),
        .init(#"{"maxLength":1}"#, #""e\u0301""#, false),
        .init(#"{"maxLength":0}"#, "\"\"", true),
        .init(#"{"minLength":1,"maxLength":1.0}"#, "\"x\"", true),
        .init(#"{"pattern":"^[a-z][a-z0-9-]{1,31}$"}"#, "\"court-3\"", true),
        .init(#"{"pattern":"^[a-z][a-z0-9-]{1,31}$"}"#, "\"Court-3\"", false),
        .init(#"{"pattern":"^[a-z][a-z0-9-]{1,31}$"}"#, "\"c\"", false),
        .init(#"{"pattern":"^[a-z][a-z0-9-]{1,31}$"}"#, "\"court-3\\n\"", false),
        // Unanchored: a match anywhere is enough.
        .init(#"{"pattern":"[0-9]+"}"#, "\"abc123def\"", true),
        .init(#"{"pattern":"[0-9]+"}"#, "\"abcdef\"", false),
        .init(#"{"pattern":"b"}"#, "\"abc\"", true),
        .init(#"{"pattern":"^b"}"#, "\"abc\"", false),
        .init(#"{"pattern":"c$"}"#, "\"abc\"", true),
        .init(#"{"pattern":""}"#, "\"anything\"", true),
        .init(#"{"pattern":"^\\d{4}$"}"#, "\"2026\"", true),
        .init(#"{"pattern":"^\\d{4}$"}"#, "\"٢٠٢٦\"", false),
        .init(#"{"pattern":"^\\w+$"}"#, "\"abc_1\"", true),
        .init(#"{"pattern":"^\\w+$"}"#, "\"é\"", false),
        .init(#"{"pattern":"^.$"}"#, "\"😀\"", true),
        .init(#"{"pattern":"^[^/]+$"}"#, "\"a/b\"", false),
        .init(#"{"pattern":"^[^/]+$"}"#, "\"中文\"", true),
        // Outside the fast subset: groups and alternation run on Swift Regex.
        .init(#"{"pattern":"^(retrial|transfer)(-v[0-9]+)?$"}"#, "\"transfer-v2\"", true),
        .init(#"{"pattern":"^(retrial|transfer)(-v[0-9]+)?$"}"#, "\"transfers\"", false),
        .init(#"{"pattern":"\\bcase\\b"}"#, "\"the case file\"", true),
        .init(#"{"pattern":"\\p{Han}"}"#, "\"中\"", true),
        .init(#"{"pattern":"^(\\d)\\1$"}"#, "\"11\"", true),
        .init(#"{"pattern":"^(\\d)\\1$"}"#, "\"12\"", false),
        .init(#"{"pattern":"^a$","type":"string"}"#, "5", false),
        .init(#"{"pattern":"^a$"}"#, "5", true),
    ]

    @Test(arguments: cases)
    func keyword(_ row: KeywordCase) throws {
        #expect(try isValid(row.schema, row.instance) == row.valid)
    }

    @Test func messages() throws {
        let schema = #"{"properties":{"a":{"minLength":3},"b":{"maxLength":1},"c":{"pattern":"^[a-z]+$"}}}"#
        let found = try errors(schema, #"{"a":"ab","b":"xyz","c":"A1"}"#).map(\.description)
        #expect(
            found == [
                #"/a: "ab" is shorter than 3 characters"#,
                #"/b: "xyz" is longer than 1 characters"#,
                #"/c: "A1" does not match the pattern "^[a-z]+$""#,
            ])
    }

    @Test func longValuesAreShortenedInMessages() throws {
        let long = String(repeating: "x", count: 200)
        let found = try errors(#"{"maxLength":10}"#, "\"\(long)\"")
        #expect(found.first!.message.count < 100)
        #expect(found.first!.message.contains("..."))
    }
}
