import Foundation
import Testing
import ZeroMQ

@Suite("CURVE")
struct CurveTests {
    @Test("key pairs are generated, derived and parsed")
    func keys() throws {
        let pair = try CurveKeyPair.generate()
        #expect(pair.publicKey.utf8.count == 40 && pair.secretKey.utf8.count == 40)
        #expect(try CurveKeyPair(secretKey: pair.secretKey) == pair)
        let key = try pair.publicCurveKey
        #expect(key.bytes.count == 32)
        #expect(try CurveKey(raw: key.bytes).z85 == pair.publicKey)
        #expect(!String(describing: try pair.secretCurveKey).contains(pair.secretKey))
        #expect(throws: ZMQError.self) { try CurveKey(z85: "too short") }
        #expect(throws: ZMQError.self) { try CurveKey(raw: [1, 2, 3]) }
    }

    private func clientOptions(server: CurveKeyPair, client: CurveKeyPair) throws -> ZMQSocketOptions {
        ZMQSocketOptions(
            routingID: Array("client".utf8),
            curve: .client(
                publicKey: try client.publicCurveKey, secretKey: try client.secretCurveKey,
                serverKey: try server.publicCurveKey))
    }

    @Test("a client with the right server key talks to a CURVE server")
    func handshake() async throws {
        let harness = try Harness("curve")
        let server = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        let router = try harness.reactor.addSocket(
            .router, options: .init(routerMandatory: true, curve: .server(secretKey: try server.secretCurveKey)),
            bind: [anyPort])
        let dealer = try harness.reactor.addSocket(
            .dealer, options: try clientOptions(server: server, client: client),
            connect: [try #require(router.lastEndpoint)])

        harness.reactor.send(ZMQMessage(strings: ["sealed"]), on: dealer)
        let received = await receive(1, from: harness.reactor.messages(router))
        #expect(received.messages.map(\.strings) == [["client", "sealed"]])
        await harness.close()
    }

    @Test("a client with a wrong server key gets nothing through")
    func wrongServerKey() async throws {
        let harness = try Harness("curve-wrong")
        let server = try CurveKeyPair.generate()
        let impostor = try CurveKeyPair.generate()
        let client = try CurveKeyPair.generate()
        let router = try harness.reactor.addSocket(
            .router, options: .init(curve: .server(secretKey: try server.secretCurveKey)), bind: [anyPort])
        let dealer = try harness.reactor.addSocket(
            .dealer, options: try clientOptions(server: impostor, client: client),
            connect: [try #require(router.lastEndpoint)])

        harness.reactor.send(ZMQMessage(strings: ["must not arrive"]), on: dealer)
        let received = await receive(1, from: harness.reactor.messages(router), within: .milliseconds(500))
        #expect(received.messages.isEmpty)
        await harness.close()
    }
}
