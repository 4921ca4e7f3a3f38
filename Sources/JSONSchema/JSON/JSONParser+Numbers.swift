extension JSONParser {
    /// Parses a number per the RFC 8259 grammar
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    mutating func parseNumber() throws(JSONParseError) -> Double {
        let start = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        guard index < bytes.count, isDigit(bytes[index]) else {
            throw numberError(start, "expected a digit")
        }
        let integerStart = index
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                throw numberError(start, "leading zeros are not allowed")
            }
        } else {
            skipDigits()
        }
        let integerDigits = index - integerStart
        var isPlainInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw numberError(start, "expected a digit after '.'")
            }
            skipDigits()
            isPlainInteger = false
        }
        if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw numberError(start, "expected a digit in the exponent")
            }
            skipDigits()
            isPlainInteger = false
        }
        if isPlainInteger, integerDigits <= 18 {
            // Exact in Int64; converting rounds correctly, as a full decimal parse would.
            var magnitude: Int64 = 0
            for offset in integerStart..<index {
                magnitude = magnitude &* 10 &+ Int64(bytes[offset] &- UInt8(ascii: "0"))
            }
            return Double(integerStart > start ? -magnitude : magnitude)
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw JSONParseError(.numberOutOfRange, at: start, "number \(text) is out of range")
        }
        return value
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10
    }

    private mutating func skipDigits() {
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
    }

    private func numberError(_ start: Int, _ reason: String) -> JSONParseError {
        if index >= bytes.count {
            return JSONParseError(.unexpectedEnd, at: index, "invalid number: \(reason), found end of input")
        }
        return JSONParseError(.invalidNumber, at: index, "invalid number: \(reason), found \(describeCurrent())")
    }
}
