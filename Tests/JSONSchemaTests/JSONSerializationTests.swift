import Foundation
import JSONSchema
import Testing

@Suite("JSON serialization")
struct JSONSerializationTests {
    @Test func writesCompactSortedJSON() {
        let value: JSONValue = ["b": [1, 2.5, true, .null], "a": "x", "c": [:]]
        #expect(value.serialized(sortedKeys: true) == #"{"a":"x","b":[1,2.5,true,null],"c":{}}"#)
    }

    @Test func escapesStrings() {
        let value = JSONValue.string("q\"b\\n\n t\t c\u{1} u\u{1F} é😀 /")
        #expect(value.serialized() == #""q\"b\\n\n t\t c\u0001 u\u001f é😀 /""#)
    }

    @Test(arguments: [
        (0.0, "0"), (-3, "-3"), (42, "42"), (1.5, "1.5"), (0.1, "0.1"), (1e20, "1e+20"), (-2.5e-7, "-2.5e-07"),
        (9_007_199_254_740_991, "9007199254740991"), (Double.infinity, "null"),
    ])
    func writesNumbers(value: Double, text: String) {
        #expect(JSONValue.number(value).serialized() == text)
    }

    @Test func roundTrips() throws {
        let text = #"{"a":[1,-2.5,1e+300,"\u0000\"",{"b":null}],"c":"中文😀","d":false}"#
        let value = try JSONValue.parse(text)
        #expect(value.serialized(sortedKeys: true) == text)
        #expect(try JSONValue.parse(value.serialized()) == value)
    }

    @Test func equalityIgnoresKeyOrderAndNumberSpelling() throws {
        #expect(try JSONValue.parse(#"{"a":1,"b":2}"#) == JSONValue.parse(#"{"b":2.0,"a":1e0}"#))
        #expect(try JSONValue.parse("[1,2]") != JSONValue.parse("[2,1]"))
        let set: Set<JSONValue> = [1, 1.0, "1", [1], ["a": 1]]
        #expect(set.count == 4)
    }

    @Test func accessors() {
        let value: JSONValue = ["list": [1, "two"], "flag": true]
        #expect(value["list"]?[1]?.stringValue == "two")
        #expect(value["list"]?[2] == nil)
        #expect(value["flag"]?.boolValue == true)
        #expect(value["missing"] == nil)
        #expect(value.objectValue?.count == 2)
        #expect(value["list"]?.arrayValue?.count == 2)
        #expect(JSONValue.null.isNull)
        #expect(value.typeName == "object")
        #expect(value.description == #"{"flag":true,"list":[1,"two"]}"#)
    }

    @Test func codableRoundTrip() throws {
        let value: JSONValue = ["a": [1, 2.5, "x", .null, true], "b": ["c": [:]]]
        let data = try JSONEncoder().encode(value)
        #expect(try JSONValue.parse(data) == value)
        #expect(try JSONDecoder().decode(JSONValue.self, from: data) == value)
    }
}
