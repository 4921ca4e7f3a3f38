import Foundation
import GRDB
import XianjieMessages
import XianjieTrust

/// An agency as the coordinator's registry holds it.
package struct RegistryEntry: Sendable, Equatable, Codable {
    package enum Status: String, Sendable, Codable, CaseIterable { case active, suspended, revoked }

    package var agency: AgencyID
    /// congress, procuratorate, agency, station, coordinator, operator
    package var kind: String
    package var region: String
    package var displayName: String
    package var curveKey: String
    package var signingKey: String
    package var status: Status
    package var updatedAt: Date

    package init(
        agency: AgencyID, kind: String, region: String, displayName: String, curveKey: String, signingKey: String,
        status: Status = .active, updatedAt: Date = Date()
    ) {
        self.agency = agency
        self.kind = kind
        self.region = region
        self.displayName = displayName
        self.curveKey = curveKey
        self.signingKey = signingKey
        self.status = status
        self.updatedAt = updatedAt
    }

    package var publicKeys: PublicKeys {
        PublicKeys(agency: agency, curvePublicKey: curveKey, signingPublicKey: signingKey)
    }

    package static let kinds = ["congress", "procuratorate", "agency", "station", "coordinator", "operator", federationKind]
    /// Another region's coordinator, connected here as a node to take delivery for its region.
    package static let federationKind = "federation"
}

/// A registry change refused, said so the operator can act.
package struct RegistryError: Error, CustomStringConvertible {
    package let description: String
    init(_ description: String) { self.description = description }
}

extension CoordinatorStore {
    /// Every registered agency.
    package func registry() throws -> [RegistryEntry] {
        try writer.read { db in try Self.registry(db) }
    }

    static func registry(_ db: Database) throws -> [RegistryEntry] {
        try Row.fetchAll(
            db, sql: "SELECT id, kind, region, displayName, curveKey, signingKey, status, updatedAt FROM agency ORDER BY id"
        ).map { row in
            RegistryEntry(
                agency: AgencyID(row[0] as String), kind: row[1], region: row[2], displayName: row[3], curveKey: row[4],
                signingKey: row[5], status: RegistryEntry.Status(rawValue: row[6]) ?? .suspended,
                updatedAt: Date(timeIntervalSince1970: row[7]))
        }
    }

    /// Changes with every registry write; the coordinator polls it to apply changes at once.
    package func registryVersion() throws -> Int64 {
        try writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT value FROM meta WHERE name = 'registryVersion'") ?? 0
        }
    }

    /// Adds an agency (or the coordinator or an operator) with its public keys. `declaredKinds`: the kinds the
    /// access policy declares beyond the built-in ones (``AccessPolicy/kinds``).
    package func addAgency(_ entry: RegistryEntry, by actor: String, declaredKinds: [String: String] = [:]) throws {
        guard entry.agency.isWellFormed else {
            throw RegistryError("\"\(entry.agency)\" is not a valid agency id (lower-case letters, digits, . - _; 2 to 64 characters)")
        }
        guard RegistryEntry.kinds.contains(entry.kind) || declaredKinds[entry.kind] != nil else {
            let known = (RegistryEntry.kinds + declaredKinds.keys.sorted()).joined(separator: ", ")
            throw RegistryError(
                "kind \"\(entry.kind)\" is not one of \(known); a new kind of agency is declared first in the "
                    + "access policy's \"kinds\", with rules for what it may send and receive (docs/adding-an-agency.md)")
        }
        try Self.checkKeys(entry.publicKeys)
        try writer.write { db in
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM agency WHERE id = ?", arguments: [entry.agency.rawValue]) == true {
                throw RegistryError("\(entry.agency) is already registered; use rotate-key to change its keys")
            }
            if let owner = try String.fetchOne(
                db, sql: "SELECT id FROM agency WHERE curveKey = ?", arguments: [entry.curveKey])
            {
                throw RegistryError("that CURVE key is already registered to \(owner); every agency needs its own keys")
            }
            try db.execute(
                sql: """
                    INSERT INTO agency (id, kind, region, displayName, curveKey, signingKey, status, updatedAt)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    entry.agency.rawValue, entry.kind, entry.region, entry.displayName, entry.curveKey, entry.signingKey,
                    entry.status.rawValue, Date().timeIntervalSince1970,
                ])
            try Self.registryChanged(
                db, actor: actor,
                detail: "registered \(entry.agency) (\(entry.kind), \(entry.region), \(entry.displayName)) with CURVE key \(entry.curveKey.prefix(8))… and signing key \(entry.signingKey.prefix(8))…"
            )
        }
    }

    /// Suspends, revokes or re-activates an agency; takes effect within a tick of the coordinator (no restart).
    package func setStatus(_ status: RegistryEntry.Status, of agency: AgencyID, by actor: String, reason: String?)
        throws
    {
        try writer.write { db in
            guard let current = try String.fetchOne(db, sql: "SELECT status FROM agency WHERE id = ?", arguments: [agency.rawValue])
            else { throw RegistryError("\(agency) is not registered") }
            if current == RegistryEntry.Status.revoked.rawValue, status != .revoked {
                throw RegistryError("\(agency) is revoked, and revocation is final: register new keys under a new agency id")
            }
            try db.execute(
                sql: "UPDATE agency SET status = ?, updatedAt = ? WHERE id = ?",
                arguments: [status.rawValue, Date().timeIntervalSince1970, agency.rawValue])
            try Self.registryChanged(
                db, actor: actor, detail: "\(agency): \(current) → \(status.rawValue)\(reason.map { " (\($0))" } ?? "")")
        }
    }

    /// Replaces an agency's keys; the old CURVE key is refused from then on.
    package func rotateKeys(of agency: AgencyID, to keys: PublicKeys, by actor: String) throws {
        try Self.checkKeys(keys)
        try writer.write { db in
            guard let status = try String.fetchOne(db, sql: "SELECT status FROM agency WHERE id = ?", arguments: [agency.rawValue])
            else { throw RegistryError("\(agency) is not registered") }
            if status == RegistryEntry.Status.revoked.rawValue {
                throw RegistryError("\(agency) is revoked, and revocation is final: register the new keys under a new agency id")
            }
            if let owner = try String.fetchOne(
                db, sql: "SELECT id FROM agency WHERE curveKey = ? AND id != ?", arguments: [keys.curvePublicKey, agency.rawValue])
            {
                throw RegistryError("that CURVE key is already registered to \(owner)")
            }
            try db.execute(
                sql: "UPDATE agency SET curveKey = ?, signingKey = ?, updatedAt = ? WHERE id = ?",
                arguments: [keys.curvePublicKey, keys.signingPublicKey, Date().timeIntervalSince1970, agency.rawValue])
            try Self.registryChanged(
                db, actor: actor,
                detail: "\(agency): keys rotated to CURVE \(keys.curvePublicKey.prefix(8))… signing \(keys.signingPublicKey.prefix(8))…")
        }
    }

    private static func checkKeys(_ keys: PublicKeys) throws {
        guard keys.curvePublicKey.count == 40 else {
            throw RegistryError("the CURVE public key must be 40 Z85 characters (from xianjie keygen), got \(keys.curvePublicKey.count)")
        }
        do { _ = try keys.signingKey() } catch {
            throw RegistryError("the signing public key is not a base64 Ed25519 key: \(error)")
        }
    }

    private static func registryChanged(_ db: Database, actor: String, detail: String) throws {
        try db.execute(
            sql: """
                INSERT INTO meta (name, value) VALUES ('registryVersion', 1)
                ON CONFLICT(name) DO UPDATE SET value = value + 1
                """)
        try appendAudit(db, kind: .registryChanged, actor: actor, subject: nil, messageId: nil, messageHash: nil, detail: detail)
    }
}
