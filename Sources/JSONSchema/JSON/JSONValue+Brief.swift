extension JSONValue {
    /// Compact JSON for messages, cut to about 60 characters: `"2026-13-01"`, `[1,2,3]`.
    package var brief: String {
        let text = serialized(sortedKeys: true)
        guard text.count > 60 else { return text }
        return String(text.prefix(57)) + "..."
    }

    /// `number 42.5`, `string "x"`, `object`, `array`, `null`, `boolean true`: for type errors.
    var typeDescription: String {
        switch self {
        case .null: "null"
        case .object: "object"
        case .array: "array"
        default: "\(typeName) \(brief)"
        }
    }

    /// `["a","b",...]`: the first six values, then `...` if there are more.
    static func briefList(_ values: [JSONValue]) -> String {
        let shown = values.prefix(6).map(\.brief)
        return "[" + shown.joined(separator: ",") + (values.count > 6 ? ",...]" : "]")
    }
}
