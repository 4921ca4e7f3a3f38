/// Everything a set of schemas says about one instance location, gathered for the sampler by
/// following `$ref` and `allOf`, and the first branch of `anyOf` / `oneOf`.
struct SchemaFacts {
    var types: TypeSet?
    var typeNames: [String] = []
    var constValue: JSONValue?
    var enumerations: [[JSONValue]] = []

    var lowerBound: Double?
    var lowerExclusive = false
    var upperBound: Double?
    var upperExclusive = false
    var multipleOf: Double?

    var minLength = 0
    var maxLength = Int.max
    var patterns: [SchemaPattern] = []
    var format: StringFormat?

    var prefixItems: [[Int]] = []
    var restItems: [Int] = []
    var minItems = 0
    var maxItems = Int.max
    var uniqueItems = false
    var contains: [Int] = []

    var declaredProperties: [String] = []
    var propertySchemas: [String: [Int]] = [:]
    var patternProperties: [(pattern: SchemaPattern, schema: Int)] = []
    var additionalProperties: [Int] = []
    var required: [String] = []
    var minProperties = 0
    var maxProperties = Int.max
    var dependentRequired: [(property: String, requires: [String])] = []

    var conditionals: [(condition: Int, then: Int?, otherwise: Int?)] = []
    var examples: [JSONValue] = []
    var isImpossible = false

    /// Whether any keyword constrains the value's kind, so that an untyped schema can still be
    /// given a sensible type.
    var hasObjectFacts: Bool {
        !declaredProperties.isEmpty || !required.isEmpty || !additionalProperties.isEmpty
            || !patternProperties.isEmpty || minProperties > 0
    }
    var hasArrayFacts: Bool { !prefixItems.isEmpty || !restItems.isEmpty || minItems > 0 || !contains.isEmpty }
    var hasStringFacts: Bool { minLength > 0 || maxLength < Int.max || !patterns.isEmpty || format != nil }
    var hasNumberFacts: Bool { lowerBound != nil || upperBound != nil || multipleOf != nil }

    /// Gathers the facts of `schemas`; `branch` picks which `anyOf` / `oneOf` alternative to follow.
    init(_ schemas: [Int], nodes: [SchemaNode], branch: Int = 0) {
        var visited = Set<Int>()
        for schema in schemas { add(schema, nodes: nodes, branch: branch, visited: &visited) }
    }

    private mutating func add(_ index: Int, nodes: [SchemaNode], branch: Int, visited: inout Set<Int>) {
        guard visited.insert(index).inserted else { return }
        let node = nodes[index]
        if node.isFalse { isImpossible = true }
        examples += node.examples
        for constraint in node.constraints {
            add(constraint, nodes: nodes, branch: branch, visited: &visited)
        }
    }

    private mutating func add(_ constraint: Constraint, nodes: [SchemaNode], branch: Int, visited: inout Set<Int>) {
        switch constraint {
        case .type(let set):
            types = types.map { Self.widened($0).intersection(Self.widened(set)) } ?? set
            if typeNames.isEmpty { typeNames = set.names }
        case .const(let value): constValue = value
        case .enumeration(let rule): enumerations.append(rule.values)
        case .minimum(let value): raiseLower(value, exclusive: false)
        case .exclusiveMinimum(let value): raiseLower(value, exclusive: true)
        case .maximum(let value): lowerUpper(value, exclusive: false)
        case .exclusiveMaximum(let value): lowerUpper(value, exclusive: true)
        case .multipleOf(let value): multipleOf = multipleOf.map { Swift.max($0, value) } ?? value
        case .minLength(let value): minLength = Swift.max(minLength, value)
        case .maxLength(let value): maxLength = Swift.min(maxLength, value)
        case .pattern(let pattern): patterns.append(pattern)
        case .format(let value): format = value
        case .items(let prefix, let rest):
            if !prefix.isEmpty { prefixItems.append(prefix) }
            if let rest { restItems.append(rest) }
        case .minItems(let value): minItems = Swift.max(minItems, value)
        case .maxItems(let value): maxItems = Swift.min(maxItems, value)
        case .uniqueItems: uniqueItems = true
        case .contains(let schema, let minimum, _): if minimum > 0 { contains.append(schema) }
        case .members(let rule):
            for (name, schema) in rule.declared {
                if propertySchemas[name] == nil { declaredProperties.append(name) }
                propertySchemas[name, default: []].append(schema)
            }
            patternProperties += rule.patterns
            if let additional = rule.additional { additionalProperties.append(additional) }
        case .required(let names): required += names.filter { !required.contains($0) }
        case .minProperties(let value): minProperties = Swift.max(minProperties, value)
        case .maxProperties(let value): maxProperties = Swift.min(maxProperties, value)
        case .dependentRequired(let rules): dependentRequired += rules
        case .propertyNames, .not, .dependentSchemas: break
        case .ref(let target): add(target, nodes: nodes, branch: branch, visited: &visited)
        case .allOf(let schemas):
            for schema in schemas { add(schema, nodes: nodes, branch: branch, visited: &visited) }
        case .anyOf(let schemas), .oneOf(let schemas):
            add(schemas[branch % schemas.count], nodes: nodes, branch: 0, visited: &visited)
        case .conditional(let condition, let then, let otherwise):
            conditionals.append((condition, then, otherwise))
        }
    }

    /// `number` admits every `integer`, so intersect with that in mind.
    private static func widened(_ types: TypeSet) -> TypeSet {
        types.contains(.number) ? types.union(.integer) : types
    }

    private mutating func raiseLower(_ value: Double, exclusive: Bool) {
        if let lowerBound, lowerBound > value || (lowerBound == value && lowerExclusive) { return }
        lowerBound = value
        lowerExclusive = exclusive
    }

    private mutating func lowerUpper(_ value: Double, exclusive: Bool) {
        if let upperBound, upperBound < value || (upperBound == value && upperExclusive) { return }
        upperBound = value
        upperExclusive = exclusive
    }
}
