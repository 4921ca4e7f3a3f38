/// Typed access to keyword values, throwing ``SchemaError/Code/invalidKeyword`` with a clear
/// message when a known keyword has the wrong shape.
extension KeywordScope {
    func invalid(_ keyword: String, _ expectation: String, _ found: JSONValue) -> SchemaError {
        SchemaError(.invalidKeyword, at: location, "\"\(keyword)\" must be \(expectation), found \(found.brief)")
    }

    func number(_ keyword: String) throws(SchemaError) -> Double? {
        guard let value = keywords[keyword] else { return nil }
        guard case .number(let number) = value else { throw invalid(keyword, "a number", value) }
        return number
    }

    func nonNegativeInteger(_ keyword: String) throws(SchemaError) -> Int? {
        guard let value = keywords[keyword] else { return nil }
        guard case .number(let number) = value, value.isInteger, number >= 0 else {
            throw invalid(keyword, "a non-negative integer", value)
        }
        return number < Double(Int.max) ? Int(number) : Int.max
    }

    func bool(_ keyword: String) throws(SchemaError) -> Bool? {
        guard let value = keywords[keyword] else { return nil }
        guard case .bool(let flag) = value else { throw invalid(keyword, "true or false", value) }
        return flag
    }

    func string(_ keyword: String) throws(SchemaError) -> String? {
        guard let value = keywords[keyword] else { return nil }
        guard case .string(let string) = value else { throw invalid(keyword, "a string", value) }
        return string
    }

    func array(_ keyword: String) throws(SchemaError) -> [JSONValue]? {
        guard let value = keywords[keyword] else { return nil }
        guard case .array(let elements) = value else { throw invalid(keyword, "an array", value) }
        return elements
    }

    func object(_ keyword: String) throws(SchemaError) -> [String: JSONValue]? {
        guard let value = keywords[keyword] else { return nil }
        guard case .object(let members) = value else { throw invalid(keyword, "an object", value) }
        return members
    }

    /// An array of strings, without duplicates.
    func stringArray(_ keyword: String) throws(SchemaError) -> [String]? {
        guard let value = keywords[keyword] else { return nil }
        return try stringArray(value, keyword: keyword)
    }

    func stringArray(_ value: JSONValue, keyword: String) throws(SchemaError) -> [String] {
        guard case .array(let elements) = value else { throw invalid(keyword, "an array of strings", value) }
        var strings: [String] = []
        for element in elements {
            guard case .string(let string) = element else { throw invalid(keyword, "an array of strings", value) }
            if !strings.contains(string) { strings.append(string) }
        }
        return strings
    }

    /// The `type` keyword: one type name or a non-empty array of them.
    func types() throws(SchemaError) -> Constraint? {
        guard let value = keywords["type"] else { return nil }
        let expectation =
            "a type name or an array of type names (null, boolean, object, array, number, integer, string)"
        let names: [String]
        switch value {
        case .string(let name): names = [name]
        case .array(let elements):
            names = try elements.map { element throws(SchemaError) in
                guard case .string(let name) = element else { throw invalid("type", expectation, value) }
                return name
            }
            guard !names.isEmpty else { throw invalid("type", expectation, value) }
        default:
            throw invalid("type", expectation, value)
        }
        var set: TypeSet = []
        for name in names {
            guard let type = TypeSet(name: name) else {
                throw SchemaError(
                    .invalidKeyword, at: location, "\"type\" has an unknown type \"\(name)\"; \(expectation)")
            }
            set.insert(type)
        }
        return .type(set)
    }
}
