import JSONSchema
import Testing

@Suite("JSONSchemaSampler")
struct SamplerTests {
    static let transferID = "https://xianjie.example/schemas/suggestion.transfer.v1.schema.json"
    static let common = json(
        #"""
        {
          "$id": "https://xianjie.example/schemas/common.schema.json",
          "$defs": {
            "agencyId": {"type": "string", "pattern": "^[a-z][a-z0-9-]{1,31}$"},
            "caseRef": {"type": "string", "pattern": "^(CN|HK)-[0-9]{4}-[0-9]{6}$", "examples": ["CN-2026-000123"]},
            "timestamp": {"type": "string", "format": "date-time"},
            "money": {"type": "object", "required": ["amount", "currency"], "additionalProperties": false,
              "properties": {"amount": {"type": "integer", "minimum": 1, "multipleOf": 100}, "currency": {"enum": ["CNY", "USD"]}}}
          }
        }
        """#)
    static let transfer = json(
        #"""
        {
          "$id": "https://xianjie.example/schemas/suggestion.transfer.v1.schema.json",
          "type": "object",
          "required": ["id", "kind", "from", "recipients", "subject", "deadline", "case"],
          "additionalProperties": false,
          "properties": {
            "id": {"type": "string", "format": "uuid"},
            "kind": {"enum": ["retrial", "correctViolation", "transfer"]},
            "version": {"const": 1},
            "from": {"$ref": "common.schema.json#/$defs/agencyId"},
            "recipients": {"type": "array", "minItems": 2, "maxItems": 16, "uniqueItems": true,
              "items": {"$ref": "common.schema.json#/$defs/agencyId"}},
            "subject": {"type": "string", "minLength": 3, "maxLength": 200},
            "note": {"type": ["string", "null"], "maxLength": 5},
            "deadline": {"$ref": "common.schema.json#/$defs/timestamp"},
            "opened": {"type": "string", "format": "date"},
            "priority": {"type": "integer", "exclusiveMinimum": 0, "maximum": 5},
            "ratio": {"type": "number", "minimum": 0.5, "exclusiveMaximum": 1},
            "urgent": {"type": "boolean"},
            "case": {"type": "object", "required": ["ref"], "additionalProperties": false,
              "properties": {"ref": {"$ref": "common.schema.json#/$defs/caseRef"}, "fine": {"$ref": "common.schema.json#/$defs/money"},
                "tags": {"type": "array", "items": {"type": "string", "minLength": 1}}}},
            "labels": {"type": "object", "additionalProperties": {"type": "integer"}},
            "tuple": {"type": "array", "prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false}
          }
        }
        """#)

    static func registry(_ documents: [JSONValue]) throws -> SchemaRegistry {
        try SchemaRegistry(documents: documents)
    }

    @Test func minimalInstanceHasOnlyRequiredProperties() throws {
        let registry = try Self.registry([Self.common, Self.transfer])
        let instance = try JSONSchemaSampler(registry: registry).minimalInstance(of: Self.transferID)
        #expect(try registry.validate(instance, against: Self.transferID).isEmpty)
        #expect(
            instance.objectValue?.keys.sorted() == ["case", "deadline", "from", "id", "kind", "recipients", "subject"])
        #expect(instance["kind"] == "retrial")
        #expect(instance["recipients"]?.arrayValue?.count == 2)
        #expect(instance["subject"] == "aaa")
        #expect(instance["case"]?["ref"] == "CN-2026-000123")
    }

    @Test func maximalInstanceHasEveryDeclaredProperty() throws {
        let registry = try Self.registry([Self.common, Self.transfer])
        let instance = try JSONSchemaSampler(registry: registry).maximalInstance(of: Self.transferID)
        #expect(try registry.validate(instance, against: Self.transferID).isEmpty)
        let declared = Self.transfer["properties"]?.objectValue?.keys.sorted()
        #expect(instance.objectValue?.keys.sorted() == declared)
        #expect(instance["version"] == 1)
        #expect(instance["note"]?.stringValue != nil)
        #expect(instance["case"]?["fine"]?["amount"] == 100)
        #expect(instance["case"]?["tags"]?.arrayValue?.count == 1)
        #expect(instance["labels"]?.objectValue?.count == 1)
        #expect(instance["tuple"]?.arrayValue?.count == 2)
        #expect(instance["urgent"] == true)
    }

    @Test(arguments: [
        #"{"$id":"https://h/s.json","type":"object","required":["n"],"properties":{"n":{"oneOf":[{"type":"string","format":"date"},{"type":"integer"}]}}}"#,
        #"{"$id":"https://h/s.json","anyOf":[{"type":"integer","minimum":10},{"type":"string"}]}"#,
        #"{"$id":"https://h/s.json","type":"object","required":["kind"],"properties":{"kind":{"enum":["a","b"]}},"if":{"properties":{"kind":{"const":"a"}}},"then":{"required":["x"],"properties":{"x":{"type":"integer"}}},"else":{"required":["y"]}}"#,
        ##"{"$id":"https://h/s.json","type":"object","required":["value"],"properties":{"value":{"type":"integer"},"children":{"type":"array","items":{"$ref":"#"}}}}"##,
        #"{"$id":"https://h/s.json","type":"array","minItems":3,"uniqueItems":true,"items":{"type":"string","format":"uuid"}}"#,
        #"{"$id":"https://h/s.json","type":"array","minItems":3,"uniqueItems":true,"items":{"enum":["x","y","z"]}}"#,
        #"{"$id":"https://h/s.json","type":"array","contains":{"const":7},"items":{"type":"integer"}}"#,
        #"{"$id":"https://h/s.json","type":"object","minProperties":2,"additionalProperties":{"type":"boolean"}}"#,
        #"{"$id":"https://h/s.json","type":"object","properties":{"a":{}},"dependentRequired":{"a":["b"]}}"#,
        #"{"$id":"https://h/s.json","allOf":[{"type":"object","required":["a"]},{"properties":{"a":{"type":"string","minLength":2}}}]}"#,
        #"{"$id":"https://h/s.json","type":"number","minimum":-7.5,"maximum":-2,"multipleOf":0.5}"#,
        #"{"$id":"https://h/s.json","type":"string","pattern":"^[A-Z]{3}\\d{2,}$","minLength":8}"#,
        #"{"$id":"https://h/s.json","type":"object","patternProperties":{"^x-[a-z]+$":{"type":"string"}},"additionalProperties":false}"#,
        #"{"$id":"https://h/s.json","not":{"type":"null"},"type":["null","integer"]}"#,
        #"{"$id":"https://h/s.json","type":"string","format":"time"}"#,
        "{\"$id\":\"https://h/s.json\"}",
    ])
    func bothInstancesValidate(schemaText: String) throws {
        let registry = try Self.registry([json(schemaText)])
        let sampler = JSONSchemaSampler(registry: registry)
        for mode in [JSONSchemaSampler.Mode.minimal, .maximal] {
            let instance = try sampler.instance(of: "https://h/s.json", mode: mode)
            #expect(try registry.validate(instance, against: "https://h/s.json").isEmpty, "\(mode): \(instance)")
        }
    }

    @Test func recursiveSchemasStayFinite() throws {
        let tree = json(
            ##"{"$id":"https://h/t.json","type":"object","properties":{"child":{"$ref":"#"},"name":{"type":"string"}}}"##
        )
        let instance = try JSONSchemaSampler(registry: Self.registry([tree])).maximalInstance(of: "https://h/t.json")
        #expect(instance["child"]?["child"] != nil)
        #expect(instance.serialized().count < 200)
    }

    @Test func unsatisfiablePatternWithoutExamplesExplainsWhy() throws {
        let schema = json(#"{"$id":"https://h/p.json","type":"string","pattern":"^(?=x)y$"}"#)
        let sampler = JSONSchemaSampler(registry: try Self.registry([schema]))
        #expect(throws: SamplerError.self) { try sampler.minimalInstance(of: "https://h/p.json") }
        do {
            _ = try sampler.minimalInstance(of: "https://h/p.json")
        } catch {
            #expect(error.description.contains("https://h/p.json"))
        }
    }

    @Test func impossibleSchemasThrow() throws {
        let registry = try Self.registry([
            json(#"{"$id":"https://h/f.json","properties":{"a":false},"required":["a"]}"#)
        ])
        #expect(throws: SamplerError.self) {
            try JSONSchemaSampler(registry: registry).minimalInstance(of: "https://h/f.json")
        }
        #expect(throws: SamplerError.self) {
            try JSONSchemaSampler(registry: registry).minimalInstance(of: "https://h/none.json")
        }
    }

    @Test func worksOnStandaloneSchemas() throws {
        let schema = try compile(
            #"{"type":"object","required":["a"],"properties":{"a":{"type":"integer","minimum":3}}}"#)
        #expect(try JSONSchemaSampler.instance(of: schema, mode: .minimal) == ["a": 3])
    }
}
