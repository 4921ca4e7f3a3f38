import JSONSchema
import Testing

@Suite("format")
struct FormatTests {
    @Test(arguments: [
        "2026-11-22T02:20:57Z", "2026-11-22T02:20:57.123Z", "2026-11-22t02:20:57z", "2026-11-22T02:20:57+08:00",
        "2026-11-22T02:20:57.5-05:30", "2024-02-29T00:00:00Z", "1998-12-31T23:59:60Z", "1998-12-31T15:59:60.123-08:00",
        "2026-01-01T00:00:00.000000001+00:00",
    ])
    func validDateTimes(text: String) throws {
        #expect(try isValid(#"{"format":"date-time"}"#, "\"\(text)\""))
    }

    @Test(arguments: [
        "2026-13-01T00:00:00Z", "2026-11-31T00:00:00Z", "2025-02-29T00:00:00Z", "2026-11-22", "2026-11-22T02:20:57",
        "2026-11-22 02:20:57Z", "2026-11-22T24:00:00Z", "2026-11-22T02:60:00Z", "2026-11-22T02:20:57.Z",
        "2026-11-22T02:20:57+8:00", "2026-11-22T02:20:57+08:60", "1998-12-31T22:59:60Z", "26-11-22T02:20:57Z",
        "2026-11-22T02:20:57Zjunk", "２０２6-11-22T02:20:57Z", "",
    ])
    func invalidDateTimes(text: String) throws {
        #expect(try !isValid(#"{"format":"date-time"}"#, "\"\(text)\""))
    }

    @Test(arguments: [
        ("2026-11-22", true), ("2024-02-29", true), ("2000-02-29", true), ("1900-02-29", false), ("2026-02-29", false),
        ("2026-04-31", false), ("2026-00-10", false), ("2026-01-00", false), ("2026-1-01", false),
        ("2026-01-01T00:00:00Z", false),
    ])
    func dates(text: String, valid: Bool) throws {
        #expect(try isValid(#"{"format":"date"}"#, "\"\(text)\"") == valid)
    }

    @Test(arguments: [
        ("02:20:57Z", true), ("23:59:59.999+01:00", true), ("02:20:57", false), ("2:20:57Z", false),
        ("25:00:00Z", false),
    ])
    func times(text: String, valid: Bool) throws {
        #expect(try isValid(#"{"format":"time"}"#, "\"\(text)\"") == valid)
    }

    @Test(arguments: [
        ("6f1c2f7e-9a51-4c3e-8d0a-2b7f4c9e1a11", true), ("6F1C2F7E-9A51-4C3E-8D0A-2B7F4C9E1A11", true),
        ("00000000-0000-0000-0000-000000000000", true), ("6f1c2f7e9a514c3e8d0a2b7f4c9e1a11", false),
        ("6f1c2f7e-9a51-4c3e-8d0a-2b7f4c9e1a1", false), ("6f1c2f7e-9a51-4c3e-8d0a-2b7f4c9e1a1g", false),
        ("{6f1c2f7e-9a51-4c3e-8d0a-2b7f4c9e1a11}", false),
    ])
    func uuids(text: String, valid: Bool) throws {
        #expect(try isValid(#"{"format":"uuid"}"#, "\"\(text)\"") == valid)
    }

    @Test func unknownFormatsAreAnnotations() throws {
        #expect(try isValid(#"{"format":"email"}"#, "\"not an email\""))
        #expect(try isValid(#"{"format":"x-custom"}"#, "\"anything\""))
    }

    @Test func formatsApplyOnlyToStrings() throws {
        #expect(try isValid(#"{"format":"date-time"}"#, "12"))
    }

    @Test func message() throws {
        let found = try errors(#"{"properties":{"deadline":{"format":"date-time"}}}"#, #"{"deadline":"2026-13-01"}"#)
        #expect(found.map(\.description) == [#"/deadline: "2026-13-01" is not a valid date-time"#])
        #expect(found.first?.keyword == "format")
    }
}
