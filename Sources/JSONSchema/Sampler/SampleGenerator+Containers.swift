extension SampleGenerator {
    /// An object with the required properties (minimal) or every declared one (maximal), plus
    /// what `dependentRequired` and `minProperties` demand. A maximal pure map
    /// (`additionalProperties` or `patternProperties` with no declared properties) gets one entry.
    mutating func object(_ facts: SchemaFacts, variant: Int) -> JSONValue? {
        var names = mode == .minimal ? facts.required : facts.declaredProperties
        names += facts.required.filter { !names.contains($0) }
        var changed = true
        while changed {
            changed = false
            for rule in facts.dependentRequired where names.contains(rule.property) {
                for name in rule.requires where !names.contains(name) {
                    names.append(name)
                    changed = true
                }
            }
        }
        var members: [String: JSONValue] = [:]
        for name in names {
            guard let value = generate(schemas(forProperty: name, facts)) else { return nil }
            members[name] = value
        }
        if mode == .maximal, facts.declaredProperties.isEmpty {
            if let pattern = facts.patternProperties.first, let name = pattern.pattern.simple?.sample(extra: 0) {
                if let value = generate(schemas(forProperty: name, facts)) { members[name] = value }
            } else if !facts.additionalProperties.isEmpty,
                facts.additionalProperties.allSatisfy({ !nodes[$0].isFalse }),
                let value = generate(facts.additionalProperties)
            {
                members["key"] = value
            }
        }
        var extra = 1
        while members.count < facts.minProperties, extra < 1000 {
            let name = "property\(extra)"
            extra += 1
            guard members[name] == nil else { continue }
            guard let value = generate(schemas(forProperty: name, facts)) else { return nil }
            members[name] = value
        }
        return .object(members)
    }

    /// The schemas that apply to the member `name`: its `properties` entries and matching
    /// `patternProperties`, or else `additionalProperties`.
    private func schemas(forProperty name: String, _ facts: SchemaFacts) -> [Int] {
        var schemas = facts.propertySchemas[name] ?? []
        schemas += facts.patternProperties.filter { $0.pattern.matches(name) }.map(\.schema)
        return schemas.isEmpty ? facts.additionalProperties : schemas
    }

    /// `minItems` elements (minimal), or every `prefixItems` element plus one `items` element
    /// (maximal), within `maxItems`; distinct when `uniqueItems`; with an element matching
    /// `contains` if there must be one.
    mutating func array(_ facts: SchemaFacts, variant: Int) -> JSONValue? {
        let prefixCount = facts.prefixItems.map(\.count).max() ?? 0
        let restAllowed = !facts.restItems.contains { nodes[$0].isFalse }
        var count = mode == .minimal ? facts.minItems : max(facts.minItems, prefixCount + (restAllowed ? 1 : 0))
        count = min(count, facts.maxItems)
        if !restAllowed { count = min(count, prefixCount) }
        var elements: [JSONValue] = []
        for offset in 0..<count {
            var schemas = facts.prefixItems.compactMap { offset < $0.count ? $0[offset] : nil }
            if offset >= prefixCount { schemas += facts.restItems }
            var attempt = facts.uniqueItems ? offset : 0
            guard var element = generate(schemas, variant: attempt) else { return nil }
            while facts.uniqueItems, elements.contains(element), attempt < offset + 16 {
                attempt += 1
                guard let next = generate(schemas, variant: attempt) else { return nil }
                element = next
            }
            elements.append(element)
        }
        if !facts.contains.isEmpty, !elements.contains(where: { isValid($0, facts.contains) }) {
            guard let element = generate(facts.contains + (prefixCount == 0 ? facts.restItems : [])) else {
                return nil
            }
            if elements.count < facts.maxItems {
                elements.append(element)
            } else if !elements.isEmpty {
                elements[elements.count - 1] = element
            }
        }
        return .array(elements)
    }
}
