import Foundation
import Testing
import ZeroMQ

@Suite("ZAP")
struct ZAPTests {
    /// A ZAP handler socket added before the server socket is bound first, answers the
    /// handshakes of its context, and its user id reaches the application.
    @Test("a ZAP handler added first admits a known key, refuses another, and names the user")
    func zapHandler() async throws {
        let harness = try Harness("zap")
        let zap = try harness.reactor.addSocket(.rep, bind: ["inproc://zeromq.zap.01"])
        let server = try CurveKeyPair.generate()
        let known = try CurveKeyPair.generate()
        let stranger = try CurveKeyPair.generate()
        let knownKey = try known.publicCurveKey
        let handler = Task {
            for await batch in harness.reactor.messages(zap) {
                for request in batch {
                    // version, request id, domain, address, routing id, mechanism, client key
                    let admitted = request.frames.count == 7 && [UInt8](request.frames[6]) == knownKey.bytes
                    let reply = [
                        Data("1.0"), request.frames[1], Data(admitted ? "200" : "400"),
                        Data(admitted ? "OK" : "unknown key"), Data(admitted ? "agency-7" : ""), Data(),
                    ]
                    harness.reactor.send(ZMQMessage(frames: reply), on: zap)
                }
            }
        }
        let router = try harness.reactor.addSocket(
            .router,
            options: .init(curve: .server(secretKey: try server.secretCurveKey), zapDomain: "xianjie"),
            bind: [anyPort])
        let endpoint = try #require(router.lastEndpoint)
        for (name, pair) in [("stranger", stranger), ("known", known)] {
            let dealer = try harness.reactor.addSocket(
                .dealer,
                options: .init(
                    routingID: Array(name.utf8),
                    curve: .client(
                        publicKey: try pair.publicCurveKey, secretKey: try pair.secretCurveKey,
                        serverKey: try server.publicCurveKey)),
                connect: [endpoint])
            harness.reactor.send(ZMQMessage(strings: ["from \(name)"]), on: dealer)
        }

        // What must arrive may take long on a loaded machine; what must not gets a short window after it.
        let messages = harness.reactor.messages(router)
        let admitted = await receive(1, from: messages, within: .seconds(60))
        let refused = await receive(1, from: messages, within: .milliseconds(700))
        let received = admitted.messages + refused.messages
        #expect(received.map(\.strings) == [["known", "from known"]])
        #expect(received.first?.userID == "agency-7")
        handler.cancel()
        await harness.close()
    }
}
