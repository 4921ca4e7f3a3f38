extension JSONValue {
    /// Parses one JSON value from UTF-8 bytes, strictly per RFC 8259.
    ///
    /// Rejects trailing commas, anything but whitespace after the value, malformed or
    /// out-of-range numbers, unescaped control characters, malformed escapes and lone UTF-16
    /// surrogates, bytes that are not well-formed UTF-8, a byte-order mark, and an object with the
    /// same key twice.
    ///
    /// - Parameters:
    ///   - bytes: the whole document, e.g. `Data` or `[UInt8]`.
    ///   - maxDepth: how many arrays and objects may nest inside each other; one more is an error
    ///     (`nesting deeper than 64 levels`).
    /// - Throws: ``JSONParseError`` naming the problem and its byte offset.
    package static func parse(
        _ bytes: some Collection<UInt8>, maxDepth: Int = 64
    ) throws(JSONParseError) -> JSONValue {
        let contiguous = bytes.withContiguousStorageIfAvailable { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                try parse(buffer: buffer, maxDepth: maxDepth)
            }
        }
        if let contiguous { return try contiguous.get() }
        let copy = Array(bytes)
        return try copy.withUnsafeBufferPointer { buffer in
            Result { () throws(JSONParseError) -> JSONValue in
                try parse(buffer: buffer, maxDepth: maxDepth)
            }
        }.get()
    }

    /// Parses one JSON value from text, with the same rules as the byte-collection overload.
    package static func parse(_ text: String, maxDepth: Int = 64) throws(JSONParseError) -> JSONValue {
        var text = text
        text.makeContiguousUTF8()
        return try parse(text.utf8, maxDepth: maxDepth)
    }

    private static func parse(
        buffer: UnsafeBufferPointer<UInt8>, maxDepth: Int
    ) throws(JSONParseError) -> JSONValue {
        var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
        return try parser.parseDocument()
    }
}
