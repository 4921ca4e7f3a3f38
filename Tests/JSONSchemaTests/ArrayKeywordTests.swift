import JSONSchema
import Testing

@Suite("array keywords")
struct ArrayKeywordTests {
    static let cases: [KeywordCase] = [
        .init(#"{"items":{"type":"integer"}}"#, "[1,2,3]", true),
        .init(#"{"items":{"type":"integer"}}"#, "[1,\"2\",3]", false),
        .init(#"{"items":{"type":"integer"}}"#, "[]", true),
        .init(#"{"items":{"type":"integer"}}"#, #"{"0":"x"}"#, true),
        .init(#"{"items":false}"#, "[]", true),
        .init(#"{"items":false}"#, "[1]", false),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"["a",1]"#, true),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"["a"]"#, true),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"["a",1,null,{}]"#, true),
        .init(#"{"prefixItems":[{"type":"string"},{"type":"integer"}]}"#, #"[1,"a"]"#, false),
        .init(#"{"prefixItems":[{"type":"string"}],"items":{"type":"integer"}}"#, #"["a",1,2]"#, true),
        .init(#"{"prefixItems":[{"type":"string"}],"items":{"type":"integer"}}"#, #"["a",1,"b"]"#, false),
        .init(#"{"prefixItems":[{"type":"string"}],"items":false}"#, #"["a"]"#, true),
        .init(#"{"prefixItems":[{"type":"string"}],"items":false}"#, #"["a","b"]"#, false),
        .init(#"{"minItems":2}"#, "[1,2]", true),
        .init(#"{"minItems":2}"#, "[1]", false),
        .init(#"{"minItems":2}"#, "\"ab\"", true),
        .init(#"{"maxItems":2}"#, "[1,2]", true),
        .init(#"{"maxItems":2}"#, "[1,2,3]", false),
        .init(#"{"uniqueItems":true}"#, "[1,2,3]", true),
        .init(#"{"uniqueItems":true}"#, "[1,2,1]", false),
        .init(#"{"uniqueItems":true}"#, "[1,1.0]", false),
        .init(#"{"uniqueItems":true}"#, #"[{"a":1,"b":2},{"b":2,"a":1}]"#, false),
        .init(#"{"uniqueItems":true}"#, #"[[1],[true]]"#, true),
        .init(#"{"uniqueItems":true}"#, #"[0,false,null,"0",[],{}]"#, true),
        .init(#"{"uniqueItems":true}"#, "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19]", true),
        .init(#"{"uniqueItems":true}"#, "[0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,0]", false),
        .init(#"{"uniqueItems":false}"#, "[1,1]", true),
        .init(#"{"contains":{"const":"x"}}"#, #"[1,"x"]"#, true),
        .init(#"{"contains":{"const":"x"}}"#, #"[1,2]"#, false),
        .init(#"{"contains":{"const":"x"}}"#, "[]", false),
        .init(#"{"contains":{"const":"x"},"minContains":2}"#, #"["x",1,"x"]"#, true),
        .init(#"{"contains":{"const":"x"},"minContains":2}"#, #"["x",1]"#, false),
        .init(#"{"contains":{"const":"x"},"maxContains":1}"#, #"["x","x"]"#, false),
        .init(#"{"contains":{"const":"x"},"minContains":0}"#, "[]", true),
    ]

    @Test(arguments: cases)
    func keyword(_ row: KeywordCase) throws {
        #expect(try isValid(row.schema, row.instance) == row.valid)
    }

    @Test func messages() throws {
        let schema = #"""
            {"properties":{
              "a":{"minItems":2},"b":{"maxItems":1},"c":{"uniqueItems":true},
              "d":{"items":{"type":"string"}},"e":{"prefixItems":[true],"items":false}}}
            """#
        let found = try errors(schema, #"{"a":[1],"b":[1,2],"c":[1,2,1],"d":["x",5],"e":[1,2,3]}"#).map(\.description)
        #expect(
            found == [
                "/a: array has 1 item, fewer than the minimum of 2",
                "/b: array has 2 items, more than the maximum of 1",
                "/c: items 0 and 2 are equal; items must be unique",
                "/d/1: expected string, found number 5",
                "/e: array has 3 items, at most 1 allowed",
            ])
    }
}
