import Crypto
import Foundation
import Testing
import XianjieMessages
import XianjieTrust

@Suite("Audit export")
struct AuditExportTests {
    /// A case's trail: the procuratorate's suggestion and the forestry brigade's reply, each accepted, receipted
    /// and delivered, in a chain that also holds another case's entries.
    struct Trail {
        let procuratorate: AgencyKeys
        let forestry: AgencyKeys
        let coordinator: AgencyKeys
        let messages: [WireMessage]
        let entries: [AuditEntry]

        init() throws {
            procuratorate = try AgencyKeys.generate(for: Sample.procuratorate)
            forestry = try AgencyKeys.generate(for: Sample.forestry)
            coordinator = try AgencyKeys.generate(for: .coordinator)
            let suggestion = try MessageSignature.sign(try Sample.document(), with: procuratorate.signing)
            let reply = try MessageSignature.sign(
                try Sample.document(id: "9f1c2d3e-0000-4000-8000-000000000002", from: Sample.forestry),
                with: forestry.signing)
            messages = [suggestion, reply]
            var chain: [AuditEntry] = []
            func add(_ kind: AuditKind, _ message: WireMessage?, subject: String = "case-2024-05", _ detail: String) {
                chain.append(
                    AuditChain.next(
                        after: chain.last, at: Date(), kind: kind, actor: message?.header.source.rawValue,
                        subject: subject, messageId: message?.header.id,
                        messageHash: message.map(MessageSignature.hash),
                        detail: detail))
            }
            add(.registryChanged, nil, subject: "registry", "hutubi.forestry added")
            add(.messageAccepted, suggestion, "检察建议书 accepted from hutubi.procuratorate")
            add(.receiptIssued, suggestion, "receipt accepted sent to hutubi.procuratorate")
            add(.deliveryConfirmed, suggestion, "delivered to hutubi.forestry")
            add(.messageAccepted, reply, "书面回复 accepted from hutubi.forestry")
            entries = chain
        }

        var caseEntries: [AuditEntry] { entries.filter { $0.subject == "case-2024-05" } }
        var publicKeys: [PublicKeys] { [procuratorate.publicKeys, forestry.publicKeys, coordinator.publicKeys] }

        func export() throws -> AuditExport {
            try AuditExport.make(
                subject: "case-2024-05", entries: caseEntries, messages: messages.map(ExportedMessage.init),
                publicKeys: publicKeys, coordinator: .coordinator, coordinatorKey: coordinator.signing)
        }
    }

    @Test("a fresh export verifies, also after a trip through JSON")
    func valid() throws {
        let trail = try Trail()
        let export = try trail.export()
        #expect(AuditChain.verify(trail.entries).isIntact)
        #expect(export.verify() == [])
        #expect(export.verify(trustedKeys: trail.publicKeys) == [])
        let decoded = try JSONDecoder().decode(AuditExport.self, from: XianjieJSON.encode(export))
        #expect(decoded.verify() == [])
        #expect(decoded.digest() == export.digest())
        #expect(try export.messages[0].wireMessage().header.id == trail.messages[0].header.id)
    }

    @Test("a changed byte of an exported message is reported", arguments: ["header", "data"])
    func tamperedMessage(frame: String) throws {
        var export = try Trail().export()
        var header = Data(base64Encoded: export.messages[0].header)!
        var data = Data(base64Encoded: export.messages[0].data)!
        if frame == "header" {
            let index = header.firstIndex(of: UInt8(ascii: "5"))!  // in "case-2024-05"
            header[index] = UInt8(ascii: "6")
        } else {
            data[data.count / 2] ^= 0x01
        }
        export.messages[0].header = header.base64EncodedString()
        export.messages[0].data = data.base64EncodedString()
        let problems = export.verify()
        #expect(problems.contains { $0.contains("was changed: its header and data hash to") }, "\(problems)")
        #expect(
            problems.contains { $0.contains("signature does not verify with the signing key of hutubi.procuratorate") })
    }

    @Test("a changed entry is reported, re-hashed or not")
    func tamperedEntry() throws {
        var export = try Trail().export()
        export.entries[1].detail = "receipt never sent"
        let problems = export.verify()
        #expect(problems.contains { $0.hasPrefix("entry 3 (receiptIssued) was changed") }, "\(problems)")

        export.entries[1].hash = export.entries[1].computedHash()
        let rehashed = export.verify()
        #expect(rehashed.contains { $0.hasPrefix("the coordinator's signature does not verify") }, "\(rehashed)")
    }

    @Test("a changed coordinator signature is reported")
    func tamperedCoordinatorSignature() throws {
        var export = try Trail().export()
        var signature = Data(base64Encoded: export.coordinatorSignature)!
        signature[10] ^= 0x80
        export.coordinatorSignature = signature.base64EncodedString()
        #expect(export.verify().contains { $0.hasPrefix("the coordinator's signature does not verify") })
        export.coordinatorSignature = ""
        #expect(export.verify() == ["the coordinator's signature is not base64 of a 64-byte Ed25519 signature"])
    }

    @Test("a wrong public key for a signer or the coordinator is reported")
    func wrongPublicKey() throws {
        let trail = try Trail()
        let impostor = try AgencyKeys.generate(for: Sample.procuratorate).publicKeys
        let impostorCoordinator = try AgencyKeys.generate(for: .coordinator)

        var export = try trail.export()
        export.publicKeys[0] = impostor
        let problems = export.verify()
        #expect(
            problems.contains {
                $0.contains(
                    "from hutubi.procuratorate: its signature does not verify with the signing key of hutubi.procuratorate"
                )
            }, "\(problems)")
        // The keys are covered by the coordinator's signature too.
        #expect(problems.contains { $0.hasPrefix("the coordinator's signature does not verify") })

        // Re-signed by an impostor coordinator: consistent in itself, but not with the keys a verifier trusts.
        let forged = try AuditExport.make(
            subject: export.subject, entries: export.entries, messages: trail.messages.map(ExportedMessage.init),
            publicKeys: [trail.procuratorate.publicKeys, trail.forestry.publicKeys, impostorCoordinator.publicKeys],
            coordinator: .coordinator, coordinatorKey: impostorCoordinator.signing)
        #expect(forged.verify() == [])
        let untrusted = forged.verify(trustedKeys: trail.publicKeys)
        #expect(
            untrusted == [
                "the public keys of coordinator in the export are not among the trusted keys; obtain coordinator's keys "
                    + "independently before relying on this export"
            ])

        var wrongCoordinator = try trail.export()
        wrongCoordinator.publicKeys[2] = impostorCoordinator.publicKeys
        #expect(wrongCoordinator.verify().contains { $0.hasPrefix("the coordinator's signature does not verify") })
    }

    @Test("an accepted message left out of the export, or a message no entry records, is reported")
    func missingMessage() throws {
        let trail = try Trail()
        let withoutReply = try AuditExport.make(
            subject: "case-2024-05", entries: trail.caseEntries, messages: [ExportedMessage(trail.messages[0])],
            publicKeys: trail.publicKeys, coordinator: .coordinator, coordinatorKey: trail.coordinator.signing)
        #expect(
            withoutReply.verify() == [
                "entry 5 records message 9f1c2d3e-0000-4000-8000-000000000002 as accepted, but the export does not include that message"
            ])
        let unrecorded = try AuditExport.make(
            subject: "case-2024-05", entries: Array(trail.caseEntries.prefix(3)),
            messages: trail.messages.map(ExportedMessage.init),
            publicKeys: trail.publicKeys, coordinator: .coordinator, coordinatorKey: trail.coordinator.signing)
        #expect(unrecorded.verify().count == 1)
        #expect(unrecorded.verify()[0].contains("is not recorded by any entry"))
    }

    @Test("make refuses when the coordinator's key is not among the public keys")
    func coordinatorKeyMissing() throws {
        let trail = try Trail()
        let error = try #require(throws: AuditExportError.self) {
            try AuditExport.make(
                subject: "case-2024-05", entries: trail.caseEntries, messages: [],
                publicKeys: Array(trail.publicKeys.prefix(2)),
                coordinator: .coordinator, coordinatorKey: trail.coordinator.signing)
        }
        #expect(error.message.contains("coordinator"))
    }
}
