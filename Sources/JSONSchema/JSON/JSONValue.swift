/// A JSON document held in memory.
///
/// Numbers are stored as `Double`, as in JavaScript and most JSON libraries, so integers are
/// exact up to ±2^53. Whether a number is an integer in the JSON Schema sense (a number with no
/// fractional part, so `1.0` counts) is answered by ``isInteger``.
///
/// Equality and hashing follow JSON Schema's notion of equality: numbers compare by value
/// (`1 == 1.0`), objects compare without regard to key order, arrays compare element-wise.
package enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])
}

extension JSONValue {
    /// The JSON Schema type name of this value: `null`, `boolean`, `number`, `string`, `array`
    /// or `object`. Integers report `number`; ask ``isInteger`` for the finer distinction.
    package var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Whether this is a finite number without a fractional part (`42`, `-3`, `1.0`, `1e3`).
    package var isInteger: Bool {
        guard case .number(let value) = self else { return false }
        return value.isFinite && value.rounded(.towardZero) == value
    }

    /// Whether this is `null`.
    package var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, if this is a string.
    package var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The number, if this is a number.
    package var doubleValue: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The number as an `Int64`, if this is an integer that fits.
    package var int64Value: Int64? {
        guard case .number(let value) = self, isInteger,
            value >= -9_223_372_036_854_775_808.0, value < 9_223_372_036_854_775_808.0
        else { return nil }
        return Int64(value)
    }

    /// The Boolean, if this is a Boolean.
    package var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    package var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The members, if this is an object.
    package var objectValue: [String: JSONValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member named `key`, if this is an object that has it.
    package subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The element at `index`, if this is an array that long.
    package subscript(index: Int) -> JSONValue? {
        guard case .array(let elements) = self, elements.indices.contains(index) else { return nil }
        return elements[index]
    }
}

extension JSONValue: CustomStringConvertible {
    /// Compact JSON with sorted keys, for messages and debugging.
    package var description: String { serialized(sortedKeys: true) }
}
