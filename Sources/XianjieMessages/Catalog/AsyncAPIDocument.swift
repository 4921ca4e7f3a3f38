import Foundation
import JSONSchema

/// The AsyncAPI 3.0 description of the bus as an agency's node sees it: the coordinator's two sockets, the
/// channels on them, what a node sends and receives on each, and every message, whose payload and header are
/// the JSON Schemas of `schemas/`. Generated from ``MessageCatalog`` so it cannot drift:
/// `schemas/asyncapi.json` is ``text()``, written by `scripts/asyncapi` (a test fails when the committed file
/// differs). `docs/protocol.md` is the prose; this is the machine-readable index of it.
package enum AsyncAPIDocument {
    /// The document as committed: pretty, keys sorted, one newline at the end.
    package static func text() throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(document().serialized(sortedKeys: true).utf8))
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The component name of a type's message: `xianjie.bus.hello` → `bus.hello`.
    package static func messageName(_ type: MessageType) -> String {
        String(type.rawValue.dropFirst("xianjie.".count))
    }

    package static func document() -> JSONValue {
        var messages: [String: JSONValue] = [:]
        for descriptor in MessageCatalog.all {
            messages[messageName(descriptor.type)] = message(descriptor)
        }
        return .object([
            "asyncapi": "3.0.0",
            "info": .object([
                "title": "Xianjie (衔接) coordination bus",
                "version": .string(XianjieVersion.current),
                "description": .string(
                    "The bus as an agency's node sees it. A node connects a ZeroMQ DEALER (routing id = its agency "
                        + "id) to the coordinator's ROUTER and a SUB to its XPUB, both with CURVE. Every message is "
                        + "the frames [header, data, signature]: the header is the envelope (envelope.schema.json), "
                        + "data the payload (the message's schema), signature Ed25519 over both. Deliveries and "
                        + "broadcasts carry a meta frame first. Bus protocol versions: "
                        + BusProtocol.supported.joined(separator: ", ")
                        + ", agreed at hello. The prose, normative with these schemas: docs/protocol.md."),
                "externalDocs": .object([
                    "description": "docs/protocol.md: the wire protocol, signatures, delivery, versions",
                    "url": "../docs/protocol.md",
                ]),
            ]),
            "defaultContentType": "application/json",
            "servers": .object([
                "router": .object([
                    "host": "coordinator.example:7700", "protocol": "zmtp", "protocolVersion": "3.1",
                    "description": .string(
                        "The coordinator's ROUTER (routerEndpoint). A node's DEALER sets its routing id to its agency "
                            + "id; durable documents, deliveries, control messages and requests travel here."),
                    "security": [.object(["$ref": "#/components/securitySchemes/curve"])],
                ]),
                "publish": .object([
                    "host": "coordinator.example:7701", "protocol": "zmtp", "protocolVersion": "3.1",
                    "description": "The coordinator's XPUB (publishEndpoint): broadcasts by topic, and the live flow.",
                    "security": [.object(["$ref": "#/components/securitySchemes/curve"])],
                ]),
            ]),
            "channels": .object([
                "session": .object([
                    "address": .null,
                    "title": "A node's session with the coordinator",
                    "description": .string(
                        "DEALER ⇄ ROUTER. Frames [header, data, signature]; what the coordinator delivers from its "
                            + "durable queue has a meta frame {\"deliver\": n} first (docs/protocol.md §2, §4, §5, §7)."),
                    "servers": [.object(["$ref": "#/servers/router"])],
                    "messages": componentRefs(MessageCatalog.all.map(\.type)),
                ]),
                "broadcasts": .object([
                    "address": "{topic}",
                    "title": "Broadcasts on a topic",
                    "description": .string(
                        "XPUB → SUB. Frames [topic, meta {\"topic\", \"tseq\"}, header, data, signature]; a gap in "
                            + "tseq is filled with bus.replayRequest (docs/protocol.md §6). Which document types may be "
                            + "broadcast on which topic is the access policy's decision."),
                    "parameters": .object([
                        "topic": .object([
                            "description": "A topic, e.g. notices (^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$)"
                        ])
                    ]),
                    "servers": [.object(["$ref": "#/servers/publish"])],
                    "messages": componentRefs(durable.filter { !$0.isBusControl }),
                ]),
                "flow": .object([
                    "address": "$flow",
                    "title": "The live flow",
                    "description": "XPUB → SUB on topic \"$flow\": one bus.flow event per message accepted, refused or delivered (docs/protocol.md §9).",
                    "servers": [.object(["$ref": "#/servers/publish"])],
                    "messages": componentRefs([FlowEvent.messageType]),
                ]),
            ]),
            "operations": .object(operations()),
            "components": .object([
                "messages": .object(messages),
                "securitySchemes": .object([
                    "curve": .object([
                        "type": "asymmetricEncryption",
                        "description": .string(
                            "ZeroMQ CURVE (RFC 26): the node is a CURVE client with its own key pair and the "
                                + "coordinator's public key as server key; the coordinator admits only registered "
                                + "keys (ZAP). Every message is also signed with the agency's Ed25519 key "
                                + "(docs/protocol.md §10)."),
                    ])
                ]),
            ]),
        ])
    }

    static var durable: [MessageType] { MessageCatalog.all.filter { $0.delivery == .durable }.map(\.type) }

    static func operations() -> [String: JSONValue] {
        let documents = durable.filter { !$0.isBusControl && !coordinatorOnly.contains($0) }
        func op(
            _ action: String, _ channel: String, _ title: String, _ description: String, _ types: [MessageType],
            reply: [MessageType]? = nil
        ) -> JSONValue {
            var object: [String: JSONValue] = [
                "action": .string(action), "channel": .object(["$ref": .string("#/channels/\(channel)")]),
                "title": .string(title), "description": .string(description), "messages": channelRefs(types, channel: channel),
            ]
            if let reply {
                object["reply"] = .object([
                    "channel": .object(["$ref": .string("#/channels/\(channel)")]), "messages": channelRefs(reply, channel: channel),
                ])
            }
            return .object(object)
        }
        let queries: [(String, MessageType, MessageType, String)] = [
            ("askStatus", StatusRequest.messageType, StatusReport.messageType, "How the bus stands: nodes, presence, queues (§7)."),
            ("askCase", CaseQuery.messageType, CaseReport.messageType, "Where one shared process stands (§7)."),
            ("askDue", DueQuery.messageType, DueReport.messageType, "What is due or overdue, by agency (§7)."),
            ("askClock", ClockRequest.messageType, ClockReport.messageType, "The deadline engine's day; operators move a driven clock (§7)."),
            ("askMeetings", MeetingQuery.messageType, MeetingReport.messageType, "Joint meetings and their agendas (§7)."),
            ("scheduleMeeting", MeetingSchedule.messageType, MeetingReport.messageType, "An operator calls a topic or assignment meeting (§7)."),
            ("askAgreements", AgreementQuery.messageType, AgreementReport.messageType, "Cross-region agreements (§7)."),
            ("askDeputyProfile", DeputyProfileQuery.messageType, DeputyProfile.messageType, "A deputy's participation in a year (§7)."),
        ]
        var operations: [String: JSONValue] = [
            "sayHello": op(
                "send", "session", "Say hello",
                "On start and whenever the coordinator's epoch changes: where the node stands, and the protocol versions it speaks. Answered by bus.welcome, or bus.rejection when no version is shared (§4, §11).",
                [Hello.messageType], reply: [Welcome.messageType, Rejection.messageType]),
            "sendDocument": op(
                "send", "session", "Send a durable document",
                "Committed to the node's outbox first, with the next sequence; resent until answered. Answered by bus.receipt (stored, signed by the coordinator) or bus.rejection; an unasked bus.welcome asks for a resend from lastAcceptedSequence + 1 (§4, §8).",
                documents, reply: [Receipt.messageType, Rejection.messageType, Welcome.messageType]),
            "receiveDelivery": op(
                "receive", "session", "Receive a delivery",
                "Durable documents addressed to this agency, with {\"deliver\": n}: store and apply in one transaction, then acknowledge (§5). Includes the coordinator's delivery receipts and deadline notices.",
                durable.filter { !$0.isBusControl || $0 == DeliveryReceipt.messageType }),
            "acknowledge": op(
                "send", "session", "Acknowledge deliveries", "Cumulative: everything through n is durably applied (§5).",
                [Ack.messageType]),
            "heartbeat": op(
                "send", "session", "Keep presence",
                "Every heartbeatIntervalMs; the coordinator's answer carries its epoch and the topic heads (§4).",
                [Heartbeat.messageType], reply: [Heartbeat.messageType]),
            "sayGoodbye": op(
                "send", "session", "Say goodbye (xianjie/2)",
                "A node stopping on purpose, once the welcome chose xianjie/2 or later: absent at once (§4, §11).",
                [Goodbye.messageType]),
            "requestReplay": op(
                "send", "session", "Ask for missed broadcasts",
                "Answered with the stored broadcasts of the range, at most 1,000 (§6).", [ReplayRequest.messageType]),
            "ping": op(
                "send", "session", "Ping another node",
                "A transient request forwarded to a present recipient; bus.rejection recipientUnavailable otherwise (§7).",
                [Ping.messageType], reply: [Pong.messageType, Rejection.messageType]),
            "answerPing": op(
                "receive", "session", "Answer a ping", "Answer with bus.pong, correlationid = the ping's id (§7).",
                [Ping.messageType], reply: [Pong.messageType]),
            "receiveBroadcast": op(
                "receive", "broadcasts", "Receive broadcasts",
                "Durable documents published on a subscribed topic, with {\"topic\", \"tseq\"} (§6).",
                durable.filter { !$0.isBusControl }),
            "watchFlow": op(
                "receive", "flow", "Watch the live flow", "Operators' view of the bus as it happens (§9).",
                [FlowEvent.messageType]),
        ]
        for (name, request, report, description) in queries {
            operations[name] = op(
                "send", "session", "Ask the coordinator: \(request.rawValue)", description, [request],
                reply: [report, Rejection.messageType])
        }
        return operations
    }

    /// Documents only the coordinator sends (a node sending one is refused).
    static let coordinatorOnly: Set<MessageType> = [DeadlineNotice.messageType, MeetingAgenda.messageType]

    /// A channel's messages: references to the components.
    static func componentRefs(_ types: [MessageType]) -> JSONValue {
        .object(
            Dictionary(
                uniqueKeysWithValues: types.map {
                    (messageName($0), JSONValue.object(["$ref": .string("#/components/messages/\(messageName($0))")]))
                }))
    }

    /// An operation's messages: references to its channel's.
    static func channelRefs(_ types: [MessageType], channel: String) -> JSONValue {
        .array(types.map { .object(["$ref": .string("#/channels/\(channel)/messages/\(messageName($0))")]) })
    }

    static func message(_ descriptor: MessageDescriptor) -> JSONValue {
        let file = String(descriptor.schemaID.dropFirst(SchemaID.base.count))
        let schema = EmbeddedSchemas.documents[file].flatMap { try? JSONValue.parse($0) }
        let description = schema?["description"]?.stringValue ?? ""
        return .object([
            "name": .string(descriptor.type.rawValue),
            "title": .string(descriptor.type.rawValue),
            "summary": .string(description),
            "contentType": "application/json",
            "headers": .object([
                "schemaFormat": "application/schema+json;version=draft-2020-12",
                "schema": .object(["$ref": "./envelope.schema.json"]),
            ]),
            "payload": .object([
                "schemaFormat": "application/schema+json;version=draft-2020-12",
                "schema": .object(["$ref": .string("./" + file)]),
            ]),
            "x-xianjie-type": .string(descriptor.type.rawValue),
            "x-xianjie-dataschema": .string(descriptor.schemaID),
            "x-xianjie-delivery": .string(descriptor.delivery == .durable ? "durable" : "transient"),
        ])
    }
}
