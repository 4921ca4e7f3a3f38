import Foundation
import JSONSchema

/// The header's JSON, written and read by hand: it is encoded and decoded several times for every
/// message, and Foundation's coders cost more than everything else on that path together.
/// Output matches the `Codable` conformance (sorted keys, absent optionals omitted).
extension EnvelopeHeader {
    package func jsonData() -> Data {
        var out = [UInt8]()
        out.reserveCapacity(320)
        out.append(UInt8(ascii: "{"))
        var first = true
        func key(_ name: StaticString) {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
        }
        func string(_ name: StaticString, _ value: String?) {
            guard let value else { return }
            key(name)
            JSONText.writeString(value, to: &out)
        }
        func integer(_ name: StaticString, _ value: Int64?) {
            guard let value else { return }
            key(name)
            out.append(contentsOf: String(value).utf8)
        }
        // Keys in sorted order.
        string("causationid", causationid)
        string("correlationid", correlationid)
        string("datacontenttype", datacontenttype)
        string("dataschema", dataschema)
        string("id", id)
        if let recipients {
            key("recipients")
            out.append(UInt8(ascii: "["))
            for (index, recipient) in recipients.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONText.writeString(recipient.rawValue, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        integer("sequence", sequence)
        string("source", source.rawValue)
        string("specversion", specversion)
        string("subject", subject)
        string("time", Timestamp.format(time))
        string("topic", topic)
        string("type", type.rawValue)
        out.append(UInt8(ascii: "}"))
        return Data(out)
    }

    /// Reads a header already parsed as JSON; the envelope schema has the full rules, this checks what
    /// the bus needs to route the message.
    package init(json: JSONValue) throws(EnvelopeError) {
        guard case .object(let object) = json else {
            throw EnvelopeError(.invalidEnvelope, "the header is not a JSON object")
        }
        func text(_ key: String) throws(EnvelopeError) -> String? {
            switch object[key] {
            case nil, .null?: return nil
            case .string(let value)?: return value
            default: throw EnvelopeError(.invalidEnvelope, "header field \"\(key)\" must be a string")
            }
        }
        func required(_ key: String) throws(EnvelopeError) -> String {
            guard let value = try text(key) else {
                throw EnvelopeError(.invalidEnvelope, "header field \"\(key)\" is missing")
            }
            return value
        }
        let timeText = try required("time")
        guard let time = Timestamp.parse(timeText) else {
            throw EnvelopeError(.invalidEnvelope, "header field \"time\": \"\(timeText)\" is not an RFC 3339 date-time")
        }
        var recipients: [AgencyID]?
        switch object["recipients"] {
        case nil, .null?: recipients = nil
        case .array(let items)?:
            recipients = []
            for item in items {
                guard case .string(let value) = item else {
                    throw EnvelopeError(.invalidEnvelope, "header field \"recipients\" must hold strings")
                }
                recipients?.append(AgencyID(value))
            }
        default: throw EnvelopeError(.invalidEnvelope, "header field \"recipients\" must be an array")
        }
        var sequence: Int64?
        switch object["sequence"] {
        case nil, .null?: sequence = nil
        case let value?:
            guard let number = value.int64Value else {
                throw EnvelopeError(.invalidEnvelope, "header field \"sequence\" must be an integer")
            }
            sequence = number
        }
        self.init(
            id: try required("id"), source: AgencyID(try required("source")), type: MessageType(rawValue: try required("type")),
            time: time, subject: try text("subject"), dataschema: try required("dataschema"), recipients: recipients,
            topic: try text("topic"), sequence: sequence, correlationid: try text("correlationid"),
            causationid: try text("causationid"))
        self.specversion = try required("specversion")
        self.datacontenttype = try text("datacontenttype")
    }
}

/// Writing JSON strings.
package enum JSONText {
    package static func writeString(_ value: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case 0x0A: out.append(contentsOf: [92, 110])
            case 0x0D: out.append(contentsOf: [92, 114])
            case 0x09: out.append(contentsOf: [92, 116])
            case 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, 117, 48, 48, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
