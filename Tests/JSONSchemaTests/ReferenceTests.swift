import JSONSchema
import Testing

@Suite("$ref, $defs, $id and the registry")
struct ReferenceTests {
    static let commonID = "https://xianjie.example/schemas/common.schema.json"
    static let transferID = "https://xianjie.example/schemas/suggestion.transfer.v1.schema.json"

    static let common = json(
        #"""
        {
          "$id": "https://xianjie.example/schemas/common.schema.json",
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$defs": {
            "agencyId": {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,31}$"},
            "timestamp": {"type": "string", "format": "date-time"},
            "named": {"$anchor": "named", "type": "object", "required": ["name"]}
          }
        }
        """#)

    static let transfer = json(
        #"""
        {
          "$id": "https://xianjie.example/schemas/suggestion.transfer.v1.schema.json",
          "type": "object",
          "required": ["from", "to"],
          "properties": {
            "from": {"$ref": "common.schema.json#/$defs/agencyId"},
            "to": {"type": "array", "items": {"$ref": "https://xianjie.example/schemas/common.schema.json#/$defs/agencyId"}},
            "at": {"$ref": "/schemas/common.schema.json#/$defs/timestamp"},
            "owner": {"$ref": "common.schema.json#named"},
            "local": {"$ref": "#/$defs/local"}
          },
          "$defs": {"local": {"type": "integer"}}
        }
        """#)

    @Test func resolvesRelativeAbsoluteAndAnchorReferencesAcrossDocuments() throws {
        let registry = try SchemaRegistry(documents: [Self.transfer, Self.common])
        let good = json(
            #"{"from":"court-3","to":["police-1"],"at":"2026-11-22T02:20:57Z","owner":{"name":"x"},"local":1}"#)
        #expect(try registry.validate(good, against: Self.transferID).isEmpty)
        let bad = json(#"{"from":"Court","to":["ok-1","X"],"at":"yesterday","owner":{},"local":1.5}"#)
        #expect(
            try registry.validate(bad, against: Self.transferID).map(\.description) == [
                #"/at: "yesterday" is not a valid date-time"#,
                #"/from: "Court" does not match the pattern "^[a-z][a-z0-9-]{1,31}$""#,
                "/local: expected integer, found number 1.5",
                #"/owner: missing required property "name""#,
                #"/to/1: "X" does not match the pattern "^[a-z][a-z0-9-]{1,31}$""#,
            ])
    }

    @Test func looksUpSchemasById() throws {
        let registry = try SchemaRegistry(documents: [Self.common, Self.transfer])
        #expect(registry.schemaIDs == [Self.commonID, Self.transferID])
        #expect(registry.contains(id: Self.transferID))
        #expect(registry.contains(id: Self.transferID + "#"))
        #expect(!registry.contains(id: "https://xianjie.example/schemas/nope.json"))
        let validator = try registry.validator(for: Self.transferID)
        #expect(validator.isValid(json(#"{"from":"ab","to":[]}"#)))
        #expect(throws: SchemaError.self) { try registry.validator(for: "nope.json") }
        do {
            _ = try registry.validate(.null, against: "nope.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .unknownSchema)
        }
    }

    @Test func reportsUnresolvableReferencesAtBuildTime() {
        #expect(throws: SchemaError.self) { try SchemaRegistry(documents: [Self.transfer]) }
        do {
            _ = try SchemaRegistry(documents: [Self.transfer])
        } catch {
            #expect(error.code == .unresolvableReference)
            #expect(error.description.contains("common.schema.json"))
            #expect(error.description.contains("no schema with \"$id\""))
        }
        let missingPointer = ##"{"$id":"https://h/a.json","$ref":"#/$defs/missing"}"##
        #expect(compileError(missingPointer)?.code == .unresolvableReference)
        #expect(compileError(##"{"$ref":"#nowhere"}"##)?.code == .unresolvableReference)
        #expect(compileError(#"{"$ref":"other.json"}"#)?.code == .unresolvableReference)
    }

    @Test func requiresIdsAndRejectsDuplicates() {
        #expect(throws: SchemaError.self) { try SchemaRegistry(documents: [json(#"{"type":"string"}"#)]) }
        do {
            _ = try SchemaRegistry(documents: [Self.common, Self.common])
        } catch {
            #expect(error.code == .duplicateID)
        }
    }

    @Test func handlesRecursiveSchemas() throws {
        let tree = #"""
            {"$id":"https://h/tree.json","type":"object","required":["value"],
             "properties":{"value":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#"}}},
             "additionalProperties":false}
            """#
        let schema = try compile(tree)
        #expect(schema.isValid(json(#"{"value":1,"children":[{"value":2,"children":[{"value":3}]}]}"#)))
        let found = schema.validate(json(#"{"value":1,"children":[{"value":2,"children":[{"value":"3"}]}]}"#))
        #expect(found.map(\.description) == ["/children/0/children/0/value: expected integer, found string \"3\""])
    }

    @Test func handlesMutuallyRecursiveDocuments() throws {
        let a = json(#"{"$id":"https://h/a.json","type":"object","properties":{"b":{"$ref":"b.json"}}}"#)
        let b = json(#"{"$id":"https://h/b.json","type":"object","properties":{"a":{"$ref":"a.json"}}}"#)
        let registry = try SchemaRegistry(documents: [a, b])
        #expect(try registry.validate(json(#"{"b":{"a":{"b":{}}}}"#), against: "https://h/a.json").isEmpty)
        #expect(
            try registry.validate(json(#"{"b":{"a":{"b":5}}}"#), against: "https://h/a.json").map(\.instancePath) == [
                "/b/a/b"
            ])
    }

    @Test func rejectsCyclesThatNeverDescend() {
        #expect(compileError(##"{"$ref":"#"}"##)?.code == .referenceCycle)
        #expect(
            compileError(
                ##"{"$defs":{"a":{"$ref":"#/$defs/b"},"b":{"allOf":[{"$ref":"#/$defs/a"}]}},"$ref":"#/$defs/a"}"##)?
                .code == .referenceCycle)
    }

    @Test func resolvesEmbeddedResourcesAndNestedIds() throws {
        let document = json(
            #"""
            {"$id":"https://h/root.json",
             "$defs":{"inner":{"$id":"nested/inner.json","$defs":{"x":{"type":"boolean"}},"$ref":"#/$defs/x"}},
             "properties":{"flag":{"$ref":"nested/inner.json"},"other":{"$ref":"https://h/nested/inner.json#/$defs/x"}}}
            """#)
        let registry = try SchemaRegistry(documents: [document])
        #expect(registry.contains(id: "https://h/nested/inner.json"))
        #expect(try registry.validate(json(#"{"flag":true,"other":false}"#), against: "https://h/root.json").isEmpty)
        #expect(try registry.validate(json(#"{"flag":1}"#), against: "https://h/root.json").count == 1)
        #expect(try registry.validate(json("true"), against: "https://h/nested/inner.json").isEmpty)
    }

    @Test func resolvesDotSegmentsAndUrnIds() throws {
        let a = json(
            ##"{"$id":"https://h/a/b/c.json","properties":{"up":{"$ref":"../x.json"},"here":{"$ref":"./y.json#/$defs/n"},"urn":{"$ref":"urn:example:z"}}}"##
        )
        let x = json(#"{"$id":"https://h/a/x.json","type":"string"}"#)
        let y = json(#"{"$id":"https://h/a/b/y.json","$defs":{"n":{"type":"null"}}}"#)
        let z = json(#"{"$id":"urn:example:z","type":"boolean"}"#)
        let registry = try SchemaRegistry(documents: [a, x, y, z])
        let id = "https://h/a/b/c.json"
        #expect(try registry.validate(json(#"{"up":"s","here":null,"urn":true}"#), against: id).isEmpty)
        #expect(try registry.validate(json(#"{"up":1,"here":0,"urn":"t"}"#), against: id).count == 3)
    }

    @Test func refWorksAlongsideSiblingKeywords() throws {
        let schema = ##"{"$defs":{"s":{"type":"string"}},"$ref":"#/$defs/s","maxLength":2}"##
        #expect(try isValid(schema, "\"ab\""))
        #expect(try !isValid(schema, "\"abc\""))
        #expect(try !isValid(schema, "1"))
    }

    @Test func resolvesEscapedPointers() throws {
        let schema =
            ##"{"$defs":{"a/b":{"type":"string"},"c~d":{"type":"integer"},"e f":{"type":"null"}},"properties":{"x":{"$ref":"#/$defs/a~1b"},"y":{"$ref":"#/$defs/c~0d"},"z":{"$ref":"#/$defs/e%20f"}}}"##
        #expect(try isValid(schema, #"{"x":"s","y":1,"z":null}"#))
        #expect(try !isValid(schema, #"{"y":"s"}"#))
    }

    @Test func registryIsSendable() async throws {
        let registry = try SchemaRegistry(documents: [Self.common, Self.transfer])
        let instance = json(#"{"from":"court-3","to":["a1"]}"#)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (try? registry.validate(instance, against: Self.transferID).isEmpty) ?? false }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
