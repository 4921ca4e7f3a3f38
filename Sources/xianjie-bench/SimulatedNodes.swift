import Foundation
import XianjieCoordinator
import XianjieMessages
import XianjieTrust
import ZeroMQ

/// Nodes simulated inside the bench process, as the coordinator sees real ones: keys registered in
/// its store, each a CURVE DEALER with its agency id as routing id, spread over a few reactor threads.
final class SimulatedNodes: Sendable {
    let context: ZMQContext
    let reactors: [ZMQReactor]
    let sockets: [(reactor: ZMQReactor, socket: ZMQSocketHandle, keys: AgencyKeys)]

    /// Keys for `bench.node-0` … `bench.node-(count-1)`, registered in `store` with `kind(index)`.
    static func register(_ count: Int, in store: CoordinatorStore, kind: (Int) -> String) throws -> [AgencyKeys] {
        try (0..<count).map { index in
            let agency = AgencyID("bench.node-\(index)")
            let keys = try AgencyKeys.generate(for: agency)
            try store.addAgency(
                RegistryEntry(
                    agency: agency, kind: kind(index), region: "bench", displayName: agency.rawValue,
                    curveKey: keys.publicKeys.curvePublicKey, signingKey: keys.publicKeys.signingPublicKey),
                by: "bench")
            return keys
        }
    }

    /// Connects one DEALER per key to `router`, `perReactor` to a reactor thread.
    init(connecting keys: [AgencyKeys], to router: String, serverKey: CurveKey, perReactor: Int) throws {
        context = try ZMQContext(maxSockets: Int32(keys.count + 64))
        var reactors: [ZMQReactor] = []
        var sockets: [(reactor: ZMQReactor, socket: ZMQSocketHandle, keys: AgencyKeys)] = []
        for keys in keys {
            if sockets.count % perReactor == 0 {
                reactors.append(try ZMQReactor(context: context, name: "load-\(sockets.count)"))
            }
            let reactor = reactors[reactors.count - 1]
            let socket = try reactor.addSocket(
                .dealer,
                options: ZMQSocketOptions(
                    routingID: Array(keys.agency.rawValue.utf8),
                    curve: .client(
                        publicKey: try keys.curve.publicCurveKey, secretKey: try keys.curve.secretCurveKey, serverKey: serverKey)),
                connect: [router])
            sockets.append((reactor, socket, keys))
        }
        self.reactors = reactors
        self.sockets = sockets
    }

    /// Every node sends `payload`, signed with its own key (hello, heartbeat …).
    func sayToAll<P: MessagePayload>(_ payload: P) throws {
        for (reactor, socket, keys) in sockets {
            let header = EnvelopeHeader(source: keys.agency, type: P.messageType, dataschema: P.schemaID)
            let message = try MessageSignature.sign(try WireMessage.make(payload, header: header), with: keys.signing)
            reactor.send(ZMQMessage(frames: message.frames), on: socket)
        }
    }

    func shutdown() async {
        for reactor in reactors { await reactor.shutdown() }
        context.shutdown()
    }
}
