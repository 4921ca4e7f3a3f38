import Testing
import XianjieMessages

@Suite("Bus protocol versions")
struct BusProtocolTests {
    @Test("the newest version both sides speak is chosen; none in common is nil")
    func negotiate() {
        #expect(BusProtocol.negotiate(offered: ["xianjie/1"]) == "xianjie/1")
        #expect(BusProtocol.negotiate(offered: ["xianjie/2", "xianjie/1"]) == "xianjie/2")
        #expect(BusProtocol.negotiate(offered: ["xianjie/1", "xianjie/2", "xianjie/3"]) == "xianjie/2")
        #expect(BusProtocol.negotiate(offered: ["xianjie/3"]) == nil)
        #expect(BusProtocol.negotiate(offered: ["xianjie/1", "xianjie/2"], supported: ["xianjie/1"]) == "xianjie/1")
        #expect(BusProtocol.negotiate(offered: ["xianjie/10", "xianjie/9"], supported: ["xianjie/9", "xianjie/10"]) == "xianjie/10")
    }

    @Test("a feature of a version is used only from that version on")
    func features() {
        #expect(BusProtocol.version("xianjie/2", atLeast: "xianjie/2"))
        #expect(!BusProtocol.version("xianjie/1", atLeast: "xianjie/2"))
        #expect(!BusProtocol.version("other/5", atLeast: "xianjie/2"))
    }

    @Test("a welcome for a xianjie/1 node encodes exactly the xianjie/1 members")
    func welcomeV1() throws {
        let welcome = Welcome(
            epoch: "e", lastAcceptedSequence: 1, credits: 8, heartbeatIntervalMs: 1000, maxMessageBytes: 1024,
            topicHeads: [:])
        let text = String(decoding: try XianjieJSON.encode(welcome), as: UTF8.self)
        #expect(!text.contains("protocol") && !text.contains("softwareVersion"), "\(text)")
    }
}
