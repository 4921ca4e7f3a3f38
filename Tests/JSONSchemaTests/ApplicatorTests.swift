import JSONSchema
import Testing

@Suite("applicators")
struct ApplicatorTests {
    static let cases: [KeywordCase] = [
        .init(#"{"allOf":[{"type":"integer"},{"minimum":2}]}"#, "3", true),
        .init(#"{"allOf":[{"type":"integer"},{"minimum":2}]}"#, "1", false),
        .init(#"{"allOf":[{"type":"integer"},{"minimum":2}]}"#, "2.5", false),
        .init(#"{"anyOf":[{"type":"string"},{"minimum":2}]}"#, "\"x\"", true),
        .init(#"{"anyOf":[{"type":"string"},{"minimum":2}]}"#, "3", true),
        .init(#"{"anyOf":[{"type":"string"},{"minimum":2}]}"#, "1", false),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1", true),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "2.5", true),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "3", false),
        .init(#"{"oneOf":[{"type":"integer"},{"minimum":2}]}"#, "1.5", false),
        .init(#"{"not":{"type":"string"}}"#, "1", true),
        .init(#"{"not":{"type":"string"}}"#, "\"x\"", false),
        .init(#"{"not":true}"#, "1", false),
        .init(
            #"{"if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"]},"else":{"required":["y"]}}"#,
            #"{"kind":"a","x":1}"#, true),
        .init(
            #"{"if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"]},"else":{"required":["y"]}}"#,
            #"{"kind":"a","y":1}"#, false),
        .init(
            #"{"if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"]},"else":{"required":["y"]}}"#,
            #"{"kind":"b","y":1}"#, true),
        .init(
            #"{"if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"]},"else":{"required":["y"]}}"#,
            #"{"kind":"b","x":1}"#, false),
        .init(#"{"if":{"const":1},"then":{"const":2}}"#, "1", false),
        .init(#"{"if":{"const":1},"then":{"const":2}}"#, "3", true),
        .init(#"{"if":{"const":1},"else":{"const":2}}"#, "1", true),
        .init(#"{"then":{"const":2}}"#, "1", true),
        .init(#"{"else":{"const":2}}"#, "1", true),
        .init(#"{"if":{"const":1}}"#, "2", true),
    ]

    @Test(arguments: cases)
    func keyword(_ row: KeywordCase) throws {
        #expect(try isValid(row.schema, row.instance) == row.valid)
    }

    @Test func allOfReportsEveryBranch() throws {
        let found = try errors(#"{"allOf":[{"required":["a"]},{"required":["b"]}]}"#, "{}").map(\.description)
        #expect(found == [#"/: missing required property "a""#, #"/: missing required property "b""#])
    }

    @Test func conditionalReportsTheChosenBranch() throws {
        let schema = #"{"if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"]}}"#
        #expect(try errors(schema, #"{"kind":"a"}"#).map(\.description) == [#"/: missing required property "x""#])
    }

    @Test func messages() throws {
        let schema =
            #"{"properties":{"a":{"anyOf":[{"type":"string"},{"type":"null"}]},"b":{"oneOf":[{"type":"number"},{"type":"integer"}]},"c":{"oneOf":[{"type":"string"}]},"d":{"not":{"const":0}}}}"#
        let found = try errors(schema, #"{"a":1,"b":2,"c":3,"d":0}"#)
        #expect(
            found.map(\.description) == [
                #"/a: does not match any of the 2 alternatives in "anyOf""#,
                #"/b: matches alternatives 0 and 1 of "oneOf"; exactly one must match"#,
                #"/c: does not match any of the 1 alternatives in "oneOf""#,
                #"/d: must not match the schema in "not""#,
            ])
        #expect(found.map(\.keyword) == ["anyOf", "oneOf", "oneOf", "not"])
    }
}
