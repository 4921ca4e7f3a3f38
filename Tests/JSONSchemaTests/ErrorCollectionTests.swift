import JSONSchema
import Testing

@Suite("error collection")
struct ErrorCollectionTests {
    static let schema = #"{"type":"object","additionalProperties":{"type":"integer"}}"#

    @Test func collectsAllErrorsUpToTheLimit() throws {
        let members = (0..<30).map { "\"k\(String(format2: $0))\":\"x\"" }.joined(separator: ",")
        let compiled = try compile(Self.schema)
        let instance = json("{\(members)}")
        #expect(compiled.validate(instance).count == 20)
        #expect(compiled.validate(instance, maxErrors: 3).map(\.instancePath) == ["/k00", "/k01", "/k02"])
        #expect(compiled.validate(instance, maxErrors: 100).count == 30)
        #expect(!compiled.isValid(instance))
    }

    @Test func ordersErrorsStably() throws {
        let compiled = try compile(Self.schema)
        let instance = json(#"{"b":"x","a":"x","c":1,"d":[]}"#)
        let first = compiled.validate(instance)
        for _ in 0..<10 { #expect(compiled.validate(instance) == first) }
        #expect(first.map(\.instancePath) == ["/a", "/b", "/d"])
    }

    @Test func validInstancesHaveNoErrors() throws {
        #expect(try errors(Self.schema, #"{"a":1,"b":2}"#).isEmpty)
    }

    @Test func rootPathIsEmptyButPrintsAsSlash() throws {
        let found = try errors(#"{"required":["subject"]}"#, "{}")
        #expect(
            found == [
                ValidationError(instancePath: "", keyword: "required", message: #"missing required property "subject""#)
            ])
        #expect(found.first?.description == #"/: missing required property "subject""#)
    }

    @Test func falseSchemaMessages() throws {
        #expect(try errors("false", "1").map(\.description) == ["/: no value is allowed here"])
        #expect(
            try errors(#"{"properties":{"a":false}}"#, #"{"a":1}"#).map(\.description) == ["/a: property not allowed"])
        #expect(
            try errors(#"{"items":{"not":{}}}"#, "[1]").map(\.description) == [
                #"/0: must not match the schema in "not""#
            ])
    }
}

extension String {
    /// Two-digit zero-padded decimal, without Foundation's `String(format:)`.
    init(format2 value: Int) {
        self = value < 10 ? "0\(value)" : "\(value)"
    }
}
