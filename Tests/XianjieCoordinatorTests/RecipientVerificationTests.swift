import Foundation
import Testing
import XianjieMessages
import XianjieNode
import XianjieTrust

/// A recipient checks a delivered document's signature itself, with the sender's public key.
@Suite struct RecipientVerificationTests {
    @Test func validTamperedAndUnknownSignersAreToldApart() throws {
        let bus = try TestBus()
        let keysDirectory = bus.directory.appendingPathComponent("trusted")
        let station = try AgencyKeys.generate(for: "hutubi.station.a")
        try station.write(to: keysDirectory)
        var configuration = bus.nodeConfiguration("hutubi.procuratorate")
        configuration.trustedKeysDirectory = keysDirectory.path
        let recipient = try NodeRuntime(configuration: configuration, logger: bus.logger)

        let clue = Clue(clueId: "c", channel: .phone, receivedAt: Date(), place: "p", description: "d", confidential: false)
        let header = EnvelopeHeader(
            source: "hutubi.station.a", type: Clue.messageType, dataschema: Clue.schemaID,
            recipients: ["hutubi.procuratorate"], sequence: 1)
        let signed = try MessageSignature.sign(try WireMessage.make(clue, header: header), with: station.signing)
        #expect(recipient.verification(of: signed) == 1)

        var tampered = signed
        tampered.data = Data(String(decoding: signed.data, as: UTF8.self).replacingOccurrences(of: "\"p\"", with: "\"q\"").utf8)
        #expect(recipient.verification(of: tampered) == -1)

        var stranger = signed
        stranger.header.source = "hutubi.station.b"
        #expect(recipient.verification(of: stranger) == 0, "no public key for the sender: not checked")
    }
}
