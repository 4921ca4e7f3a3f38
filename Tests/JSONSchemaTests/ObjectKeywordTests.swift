import JSONSchema
import Testing

@Suite("object keywords")
struct ObjectKeywordTests {
    static let cases: [KeywordCase] = [
        .init(#"{"properties":{"a":{"type":"string"}}}"#, #"{"a":"x"}"#, true),
        .init(#"{"properties":{"a":{"type":"string"}}}"#, #"{"a":1}"#, false),
        .init(#"{"properties":{"a":{"type":"string"}}}"#, #"{"b":1}"#, true),
        .init(#"{"properties":{"a":{"type":"string"}}}"#, "[1]", true),
        .init(#"{"properties":{"a":false}}"#, #"{"a":1}"#, false),
        .init(#"{"required":["a","b"]}"#, #"{"a":1,"b":null}"#, true),
        .init(#"{"required":["a","b"]}"#, #"{"a":1}"#, false),
        .init(#"{"required":["a"]}"#, "[]", true),
        .init(#"{"required":[]}"#, "{}", true),
        .init(#"{"properties":{"a":{}},"additionalProperties":false}"#, #"{"a":1}"#, true),
        .init(#"{"properties":{"a":{}},"additionalProperties":false}"#, #"{"a":1,"b":2}"#, false),
        .init(#"{"additionalProperties":{"type":"integer"}}"#, #"{"a":1,"b":2}"#, true),
        .init(#"{"additionalProperties":{"type":"integer"}}"#, #"{"a":1,"b":"2"}"#, false),
        .init(#"{"additionalProperties":true}"#, #"{"a":1}"#, true),
        .init(#"{"patternProperties":{"^x-":{"type":"string"}}}"#, #"{"x-a":"s","y":1}"#, true),
        .init(#"{"patternProperties":{"^x-":{"type":"string"}}}"#, #"{"x-a":1}"#, false),
        .init(#"{"patternProperties":{"^x-":true},"additionalProperties":false}"#, #"{"x-a":1}"#, true),
        .init(#"{"patternProperties":{"^x-":true},"additionalProperties":false}"#, #"{"y":1}"#, false),
        .init(#"{"properties":{"a":{"minimum":5}},"patternProperties":{"a":{"maximum":6}}}"#, #"{"a":7}"#, false),
        .init(#"{"properties":{"a":{"minimum":5}},"patternProperties":{"a":{"maximum":6}}}"#, #"{"a":5.5}"#, true),
        .init(#"{"minProperties":1}"#, #"{"a":1}"#, true),
        .init(#"{"minProperties":1}"#, "{}", false),
        .init(#"{"maxProperties":1}"#, #"{"a":1,"b":2}"#, false),
        .init(#"{"maxProperties":1}"#, "[1,2]", true),
        .init(#"{"propertyNames":{"pattern":"^[a-z]+$"}}"#, #"{"abc":1}"#, true),
        .init(#"{"propertyNames":{"pattern":"^[a-z]+$"}}"#, #"{"aBc":1}"#, false),
        .init(#"{"dependentRequired":{"card":["billing"]}}"#, #"{"card":1,"billing":2}"#, true),
        .init(#"{"dependentRequired":{"card":["billing"]}}"#, #"{"card":1}"#, false),
        .init(#"{"dependentRequired":{"card":["billing"]}}"#, #"{"billing":1}"#, true),
        .init(#"{"dependentSchemas":{"card":{"required":["billing"]}}}"#, #"{"card":1}"#, false),
        .init(#"{"dependentSchemas":{"card":{"required":["billing"]}}}"#, #"{"other":1}"#, true),
        .init(#"{"properties":{"a/b":{"type":"string"}}}"#, #"{"a/b":"x"}"#, true),
    ]

    @Test(arguments: cases)
    func keyword(_ row: KeywordCase) throws {
        #expect(try isValid(row.schema, row.instance) == row.valid)
    }

    @Test func messages() throws {
        let schema = #"""
            {"type":"object","required":["subject","kind"],"additionalProperties":false,
             "properties":{"kind":{"type":"string"},"meta":{"minProperties":1,"maxProperties":1,
               "dependentRequired":{"a":["b"]},"propertyNames":{"maxLength":1}}}}
            """#
        let found = try errors(schema, #"{"kind":"x","extra":1,"meta":{"a":1,"cc":2}}"#).map(\.description)
        #expect(
            found == [
                "/extra: property not allowed",
                "/meta: object has 2 properties, more than the maximum of 1",
                #"/meta/cc: property name "cc" is not allowed"#,
                #"/meta: missing property "b", required when "a" is present"#,
                #"/: missing required property "subject""#,
            ])
    }

    @Test func pathsEscapeSlashAndTilde() throws {
        let found = try errors(#"{"additionalProperties":{"type":"string"}}"#, #"{"a/b~c":1}"#)
        #expect(found.map(\.instancePath) == ["/a~1b~0c"])
    }
}
