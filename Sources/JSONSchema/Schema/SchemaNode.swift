/// One compiled schema (an object or Boolean schema), stored in ``SchemaProgram/nodes`` and
/// referred to by index, so that `$ref` cycles are just indices.
struct SchemaNode: Sendable {
    enum Kind: Sendable {
        /// `true` or `{}`: everything is valid.
        case anything
        /// `false`: nothing is valid.
        case nothing
        /// An object schema with at least one assertion or applicator.
        case constraints([Constraint])
    }

    var kind: Kind
    /// Base URI and JSON Pointer of this schema, for messages: `https://h/a.json#/properties/to`.
    var location: String
    /// `examples` and `default`, kept for the sampler.
    var examples: [JSONValue] = []

    var isFalse: Bool {
        if case .nothing = kind { return true }
        return false
    }

    var constraints: [Constraint] {
        if case .constraints(let constraints) = kind { return constraints }
        return []
    }
}

/// The JSON types a `type` keyword allows.
struct TypeSet: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = TypeSet(rawValue: 1)
    static let boolean = TypeSet(rawValue: 2)
    static let object = TypeSet(rawValue: 4)
    static let array = TypeSet(rawValue: 8)
    static let number = TypeSet(rawValue: 16)
    static let integer = TypeSet(rawValue: 32)
    static let string = TypeSet(rawValue: 64)

    /// The set for one JSON Schema type name, or `nil` if it is not one.
    init?(name: String) {
        switch name {
        case "null": self = .null
        case "boolean": self = .boolean
        case "object": self = .object
        case "array": self = .array
        case "number": self = .number
        case "integer": self = .integer
        case "string": self = .string
        default: return nil
        }
    }

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// The type names in this set, in a fixed order, for messages and the sampler.
    var names: [String] {
        let all: [(TypeSet, String)] = [
            (.null, "null"), (.boolean, "boolean"), (.object, "object"), (.array, "array"), (.number, "number"),
            (.integer, "integer"), (.string, "string"),
        ]
        return all.filter { contains($0.0) }.map(\.1)
    }

    /// Whether `value` has one of these types. An `integer` is an integral number within ±(2^53 − 1), the
    /// integers I-JSON (RFC 7493 §2.2) lets every reader hold exactly: a document whose integer a reader
    /// cannot hold (`1e308`, `9223372036854775808`) must be refused here, not accepted and then unreadable.
    @inline(__always)
    func admits(_ value: JSONValue) -> Bool {
        switch value {
        case .null: contains(.null)
        case .bool: contains(.boolean)
        case .object: contains(.object)
        case .array: contains(.array)
        case .string: contains(.string)
        case .number(let number):
            contains(.number) || (contains(.integer) && value.isInteger && abs(number) <= Self.largestExactInteger)
        }
    }
}

extension TypeSet {
    /// 2^53 − 1: the largest integer a double (and so every JSON reader) holds exactly.
    static let largestExactInteger: Double = 9_007_199_254_740_991
}

/// One compiled keyword (or a group of keywords that are evaluated together).
enum Constraint: Sendable {
    // Payloads are plain values or a single class reference, so that reading a constraint
    // during validation costs at most one retain.
    case type(TypeSet)
    case const(JSONValue)
    case enumeration(EnumRule)

    case minimum(Double)
    case maximum(Double)
    case exclusiveMinimum(Double)
    case exclusiveMaximum(Double)
    case multipleOf(Double)

    /// `minLength`/`maxLength` in Unicode code points.
    case minLength(Int)
    case maxLength(Int)
    case pattern(SchemaPattern)
    case format(StringFormat)

    /// `prefixItems` and `items` together.
    case items(prefix: [Int], rest: Int?)
    case minItems(Int)
    case maxItems(Int)
    case uniqueItems
    /// `contains` with `minContains` (default 1) and `maxContains`.
    case contains(Int, min: Int, max: Int?)

    /// `properties`, `patternProperties` and `additionalProperties` together.
    case members(MemberRule)
    case propertyNames(Int)
    case required([String])
    case minProperties(Int)
    case maxProperties(Int)
    case dependentRequired([(property: String, requires: [String])])
    case dependentSchemas([(property: String, schema: Int)])

    case allOf([Int])
    case anyOf([Int])
    case oneOf([Int])
    case not(Int)
    case conditional(if: Int, then: Int?, else: Int?)
    /// `$ref`, resolved to its target node.
    case ref(Int)
}

/// `properties`, `patternProperties` and `additionalProperties` of one schema object, which
/// must be evaluated together (`additionalProperties` applies to what the other two do not name).
final class MemberRule: Sendable {
    /// Declared properties sorted by name (for the sampler), with their node indices.
    let declared: [(name: String, schema: Int)]
    let byName: [String: Int]
    let patterns: [(pattern: SchemaPattern, schema: Int)]
    let additional: Int?

    init(declared: [(name: String, schema: Int)], patterns: [(pattern: SchemaPattern, schema: Int)], additional: Int?) {
        self.declared = declared
        self.byName = Dictionary(declared.map { ($0.name, $0.schema) }, uniquingKeysWith: { first, _ in first })
        self.patterns = patterns
        self.additional = additional
    }
}

/// The values of an `enum`, with a hash set for long lists.
final class EnumRule: Sendable {
    let values: [JSONValue]
    let lookup: Set<JSONValue>?

    init(_ values: [JSONValue]) {
        self.values = values
        self.lookup = values.count > 8 ? Set(values) : nil
    }

    func contains(_ value: JSONValue) -> Bool {
        if let lookup { return lookup.contains(value) }
        return values.contains(value)
    }
}
