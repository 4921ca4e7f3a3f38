import JSONSchema
import Testing

@Suite("schema compile errors")
struct CompileErrorTests {
    @Test(arguments: [
        #"{"required":5}"#, #"{"required":["a",1]}"#, #"{"type":"text"}"#, #"{"type":5}"#, #"{"type":[]}"#,
        #"{"minLength":-1}"#, #"{"maxLength":1.5}"#, #"{"minItems":"1"}"#, #"{"minimum":"0"}"#, #"{"multipleOf":0}"#,
        #"{"properties":[]}"#, #"{"properties":{"a":5}}"#, #"{"items":[{}]}"#, #"{"items":5}"#, #"{"prefixItems":{}}"#,
        #"{"additionalProperties":"no"}"#, #"{"allOf":[]}"#, #"{"anyOf":{}}"#, #"{"not":1}"#, #"{"enum":5}"#,
        #"{"uniqueItems":"yes"}"#, #"{"$ref":5}"#, #"{"$id":5}"#, #"{"$defs":{"a":3}}"#, #"{"$defs":[]}"#,
        #"{"dependentRequired":{"a":"b"}}"#, #"{"pattern":5}"#, #"{"format":5}"#, #"{"if":3,"then":{}}"#,
        #"{"maxProperties":-3}"#, #"{"$schema":1}"#, #"5"#, #"[]"#,
        #"{"properties":{"a":{"properties":{"b":{"minimum":[]}}}}}"#,
    ])
    func rejectsMalformedKnownKeywords(schema: String) {
        #expect(compileError(schema) != nil, "\(schema) should not compile")
    }

    @Test func namesTheKeywordAndLocation() {
        let error = compileError(#"{"$id":"https://h/a.json","properties":{"to":{"required":5}}}"#)
        #expect(error?.code == .invalidKeyword)
        #expect(error?.location == "https://h/a.json#/properties/to")
        #expect(
            error?.description
                == #"schema https://h/a.json#/properties/to: "required" must be an array of strings, found 5"#)
    }

    @Test func rejectsInvalidPatterns() {
        let error = compileError(#"{"pattern":"^(unclosed"}"#)
        #expect(error?.code == .invalidPattern)
        #expect(error?.description.contains("^(unclosed") == true)
        #expect(compileError(#"{"patternProperties":{"[":{}}}"#)?.code == .invalidPattern)
    }

    @Test func rejectsKeywordsItCannotHonour() {
        #expect(compileError(#"{"unevaluatedProperties":false}"#)?.code == .unsupportedKeyword)
        #expect(compileError(#"{"items":{"unevaluatedItems":false}}"#)?.code == .unsupportedKeyword)
        #expect(compileError(##"{"$dynamicRef":"#meta"}"##)?.code == .unsupportedKeyword)
    }

    @Test func ignoresUnknownKeywordsAndAnnotations() {
        #expect(
            compileError(
                #"{"x-anything":{"required":5},"definitions":7,"deprecated":true,"readOnly":1,"contentMediaType":"a/b"}"#
            ) == nil)
        #expect(compileError(#"{"format":"made-up","title":"t","examples":[1,2],"default":{}}"#) == nil)
    }

    @Test func idWithFragmentIsRejected() {
        #expect(compileError(#"{"$id":"https://h/a.json#frag"}"#)?.code == .invalidKeyword)
    }
}
