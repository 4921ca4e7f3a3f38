import JSONSchema
import Testing

@Suite("type, enum, const")
struct TypeKeywordTests {
    static let cases: [KeywordCase] = [
        .init(#"{"type":"null"}"#, "null", true),
        .init(#"{"type":"null"}"#, "0", false),
        .init(#"{"type":"boolean"}"#, "false", true),
        .init(#"{"type":"boolean"}"#, "\"true\"", false),
        .init(#"{"type":"object"}"#, "{}", true),
        .init(#"{"type":"object"}"#, "[]", false),
        .init(#"{"type":"array"}"#, "[]", true),
        .init(#"{"type":"array"}"#, "{}", false),
        .init(#"{"type":"number"}"#, "1.5", true),
        .init(#"{"type":"number"}"#, "42", true),
        .init(#"{"type":"number"}"#, "\"42\"", false),
        .init(#"{"type":"integer"}"#, "42", true),
        .init(#"{"type":"integer"}"#, "-42", true),
        .init(#"{"type":"integer"}"#, "1.0", true),
        .init(#"{"type":"integer"}"#, "1e2", true),
        .init(#"{"type":"integer"}"#, "42.5", false),
        // Integers are I-JSON's: within ±(2^53 − 1), so that every reader holds them exactly (found by FuzzTests).
        .init(#"{"type":"integer"}"#, "9007199254740991", true),
        .init(#"{"type":"integer"}"#, "-9007199254740991", true),
        .init(#"{"type":"integer"}"#, "9223372036854775808", false),
        .init(#"{"type":"integer"}"#, "1e308", false),
        .init(#"{"type":"number"}"#, "1e308", true),
        .init(#"{"type":"integer"}"#, "\"42\"", false),
        .init(#"{"type":"string"}"#, "\"\"", true),
        .init(#"{"type":"string"}"#, "null", false),
        .init(#"{"type":["string","null"]}"#, "null", true),
        .init(#"{"type":["string","null"]}"#, "\"x\"", true),
        .init(#"{"type":["string","null"]}"#, "1", false),
        .init(#"{"type":["integer","boolean"]}"#, "true", true),
        .init(#"{"type":["integer","boolean"]}"#, "0.5", false),
        .init(#"{"enum":["a",1,null,{"b":[1]}]}"#, "\"a\"", true),
        .init(#"{"enum":["a",1,null,{"b":[1]}]}"#, "1.0", true),
        .init(#"{"enum":["a",1,null,{"b":[1]}]}"#, "null", true),
        .init(#"{"enum":["a",1,null,{"b":[1]}]}"#, #"{"b":[1]}"#, true),
        .init(#"{"enum":["a",1,null,{"b":[1]}]}"#, #"{"b":[2]}"#, false),
        .init(#"{"enum":["a",1,null,{"b":[1]}]}"#, "\"b\"", false),
        .init(#"{"enum":["a",1,null,{"b":[1]}]}"#, "false", false),
        .init(#"{"enum":[1,2,3,4,5,6,7,8,9,10,11]}"#, "11", true),
        .init(#"{"enum":[1,2,3,4,5,6,7,8,9,10,11]}"#, "12", false),
        .init(#"{"enum":[]}"#, "1", false),
        .init(#"{"const":{"a":[1,"x"]}}"#, #"{"a":[1,"x"]}"#, true),
        .init(#"{"const":{"a":[1,"x"]}}"#, #"{"a":[1,"x"],"b":1}"#, false),
        .init(#"{"const":null}"#, "null", true),
        .init(#"{"const":null}"#, "false", false),
        .init(#"{"const":false}"#, "0", false),
        .init("true", #"{"anything":[1]}"#, true),
        .init("false", "null", false),
        .init("{}", "\"x\"", true),
        .init(
            #"{"title":"t","description":"d","$comment":"c","examples":[1],"x-unknown":5,"default":3}"#, "\"x\"", true),
    ]

    @Test(arguments: cases)
    func keyword(_ row: KeywordCase) throws {
        #expect(try isValid(row.schema, row.instance) == row.valid)
    }

    @Test func typeMessages() throws {
        let found = try errors(#"{"type":"integer"}"#, "42.5")
        #expect(
            found == [
                ValidationError(instancePath: "", keyword: "type", message: "expected integer, found number 42.5")
            ])
        #expect(
            try errors(#"{"type":["string","null"]}"#, "{}").map(\.message) == [
                "expected one of null, string, found object"
            ])
    }

    @Test func enumAndConstMessages() throws {
        let schema = #"{"properties":{"kind":{"enum":["retrial","correctViolation","a","b","c","d","e"]}}}"#
        let found = try errors(schema, #"{"kind":"foo"}"#)
        #expect(
            found.map(\.description) == [
                #"/kind: "foo" is not one of ["retrial","correctViolation","a","b","c","d",...]"#
            ])
        #expect(found.first?.keyword == "enum")
        #expect(try errors(#"{"const":"x"}"#, "\"y\"").map(\.description) == [#"/: "y" is not the required value "x""#])
    }
}
