import Foundation
import XianjieMessages
import ZeroMQ

/// Answers libzmq's ZAP requests (RFC 27) for the coordinator's CURVE sockets: a client gets in only
/// with the CURVE key of an active agency, and its messages then carry that agency's id as user id.
struct ZAPHandler: Sendable {
    let reactor: ZMQReactor
    let socket: ZMQSocketHandle
    let trust: CoordinatorTrust
    /// Told about every refusal (for the alert counter and the audit chain).
    let refused: @Sendable (String) -> Void

    func run() async {
        for await batch in socket.inbound {
            for request in batch {
                reactor.send(ZMQMessage(frames: answer(request.frames)), on: socket)
            }
        }
    }

    /// `[version, request id, domain, address, routing id, mechanism, credentials…]` →
    /// `[version, request id, status code, status text, user id, metadata]`.
    func answer(_ frames: [Data]) -> [Data] {
        guard frames.count >= 6 else {
            return [Data("1.0".utf8), frames.count > 1 ? frames[1] : Data(), Data("500".utf8), Data("malformed ZAP request".utf8), Data(), Data()]
        }
        let address = String(decoding: frames[3], as: UTF8.self)
        let mechanism = String(decoding: frames[5], as: UTF8.self)
        func deny(_ reason: String) -> [Data] {
            refused("connection from \(address) refused: \(reason)")
            return [frames[0], frames[1], Data("400".utf8), Data(reason.utf8), Data(), Data()]
        }
        guard mechanism == "CURVE", frames.count >= 7, let key = try? CurveKey(raw: [UInt8](frames[6])) else {
            return deny("mechanism \(mechanism) is not accepted; CURVE with a registered key is required")
        }
        guard let agency = trust.admit(curveKey: key.z85) else {
            return deny("CURVE key \(key.z85.prefix(8))… is not the key of an active registered agency")
        }
        return [frames[0], frames[1], Data("200".utf8), Data("OK".utf8), Data(agency.rawValue.utf8), Data()]
    }
}
