extension JSONParser {
    /// Parses a string starting at the opening quote; leaves `index` after the closing quote.
    mutating func parseString() throws(JSONParseError) -> String {
        index += 1
        let start = index
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let string = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return string
            } else if byte == UInt8(ascii: "\\") {
                return try parseEscapedString(from: start)
            } else if byte < 0x20 {
                throw controlCharacter()
            } else if byte >= 0x80 {
                try skipUTF8Sequence()
            } else {
                index += 1
            }
        }
        throw JSONParseError(.unexpectedEnd, at: index, "unterminated string, found end of input")
    }

    /// The slow path, once a backslash is seen: copies into `scratch` while decoding escapes.
    private mutating func parseEscapedString(from start: Int) throws(JSONParseError) -> String {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            } else if byte == UInt8(ascii: "\\") {
                try decodeEscape()
            } else if byte < 0x20 {
                throw controlCharacter()
            } else if byte >= 0x80 {
                let sequenceStart = index
                try skipUTF8Sequence()
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[sequenceStart..<index]))
            } else {
                scratch.append(byte)
                index += 1
            }
        }
        throw JSONParseError(.unexpectedEnd, at: index, "unterminated string, found end of input")
    }

    /// Decodes the escape at `index` (a backslash) into `scratch`.
    private mutating func decodeEscape() throws(JSONParseError) {
        let escapeStart = index
        index += 1
        guard index < bytes.count else {
            throw JSONParseError(.unexpectedEnd, at: index, "unterminated escape, found end of input")
        }
        let letter = bytes[index]
        index += 1
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(letter)
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexQuad(escapeStart: escapeStart)
            var scalarValue = UInt32(unit)
            if (0xD800..<0xDC00).contains(unit) {
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                    bytes[index + 1] == UInt8(ascii: "u")
                else {
                    throw JSONParseError(
                        .invalidUnicodeEscape, at: escapeStart, "high surrogate not followed by a low surrogate")
                }
                let lowStart = index
                index += 2
                let low = try hexQuad(escapeStart: lowStart)
                guard (0xDC00..<0xE000).contains(low) else {
                    throw JSONParseError(
                        .invalidUnicodeEscape, at: escapeStart, "high surrogate not followed by a low surrogate")
                }
                scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
            } else if (0xDC00..<0xE000).contains(unit) {
                throw JSONParseError(.invalidUnicodeEscape, at: escapeStart, "lone low surrogate")
            }
            // Surrogates were handled above, so the value is always a valid scalar.
            let scalar = Unicode.Scalar(scalarValue) ?? "\u{FFFD}"
            scratch.append(contentsOf: UTF8.encode(scalar)!)
        default:
            throw JSONParseError(.invalidEscape, at: escapeStart, "invalid escape sequence in string")
        }
    }

    /// Reads four hex digits at `index`.
    private mutating func hexQuad(escapeStart: Int) throws(JSONParseError) -> UInt16 {
        var value: UInt16 = 0
        for _ in 0..<4 {
            guard index < bytes.count else {
                throw JSONParseError(.unexpectedEnd, at: index, "unterminated \\u escape, found end of input")
            }
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default:
                throw JSONParseError(.invalidUnicodeEscape, at: escapeStart, "\\u must be followed by four hex digits")
            }
            value = value << 4 | UInt16(digit)
            index += 1
        }
        return value
    }

    /// Checks the multi-byte UTF-8 sequence at `index` (lead byte ≥ 0x80) and steps over it.
    private mutating func skipUTF8Sequence() throws(JSONParseError) {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            secondRange = 0x80...0x9F
        case 0xF0:
            length = 4
            secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            secondRange = 0x80...0x8F
        default: throw invalidUTF8()
        }
        guard index + length <= bytes.count else { throw invalidUTF8() }
        guard secondRange.contains(bytes[index + 1]) else { throw invalidUTF8() }
        for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 {
            throw invalidUTF8()
        }
        index += length
    }

    private func invalidUTF8() -> JSONParseError {
        JSONParseError(.invalidUTF8, at: index, "invalid UTF-8 byte sequence")
    }

    private func controlCharacter() -> JSONParseError {
        JSONParseError(
            .controlCharacterInString, at: index, "unescaped control character \(describeCurrent()) in string")
    }
}
