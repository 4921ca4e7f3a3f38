import JSONSchema

/// Parses JSON text that the test itself wrote; a mistake there is a test bug.
func json(_ text: String) -> JSONValue {
    do {
        return try JSONValue.parse(text)
    } catch {
        fatalError("test JSON does not parse: \(error)\n\(text)")
    }
}

/// Compiles a self-contained schema written as JSON text.
func compile(_ schemaText: String) throws(SchemaError) -> JSONSchema {
    try JSONSchema(json(schemaText))
}

/// The validation errors of `instanceText` against `schemaText`.
func errors(_ schemaText: String, _ instanceText: String) throws -> [ValidationError] {
    try compile(schemaText).validate(json(instanceText))
}

/// Whether `instanceText` is valid against `schemaText`, checking that `isValid` and
/// `validate` agree.
func isValid(_ schemaText: String, _ instanceText: String) throws -> Bool {
    let schema = try compile(schemaText)
    let instance = json(instanceText)
    let quick = schema.isValid(instance)
    let detailed = schema.validate(instance)
    precondition(quick == detailed.isEmpty, "isValid and validate disagree on \(instanceText): \(detailed)")
    return quick
}

/// The parse error for `text`, or `nil` if it parses.
func parseError(_ text: String) -> JSONParseError? {
    parseError(Array(text.utf8))
}

func parseError(_ bytes: [UInt8]) -> JSONParseError? {
    do {
        _ = try JSONValue.parse(bytes)
        return nil
    } catch {
        return error
    }
}

/// The compile error for `schemaText`, or `nil` if it compiles.
func compileError(_ schemaText: String) -> SchemaError? {
    do {
        _ = try compile(schemaText)
        return nil
    } catch {
        return error
    }
}
