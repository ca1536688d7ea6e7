import Foundation
import Testing
import VioCore
import VioCoreTesting
@testable import VioServerKit

@Suite struct GunSoundFeatureTests {
    typealias H = FeatureHarness

    private static func voice(_ url: String) throws -> OutgoingMessage {
        OutgoingMessage([.voice(url: try #require(URL(string: url)))])
    }

    @Test func mosinAtTheDefaultDistanceIsExactlyVioGosURL() async throws {
        let harness = H()
        await harness.say("打一枪听听 莫辛", in: H.group)
        #expect(harness.actions.actions == [.send(try Self.voice("http://hunt.kamille.ovh/sounds/Mosin-Nagant%20M1891-08.mp3"), to: H.group)])
    }

    @Test(arguments: [
        ("/gun mosin-nagant m1891 100m", "Mosin-Nagant%20M1891-05.mp3"),
        ("/gun MOSIN-NAGANT   M1891 1000M", "Mosin-Nagant%20M1891-01.mp3"),
        ("打一枪听听 pax 20米", "Caldwell%20Pax-07.mp3"),
        ("打一枪听听 lrr 0", "Sparks%20LRR-09.mp3"),
        ("打一枪听听 Caldwell 92 New Army", "Caldwell%2092%20New%20army-08.mp3"),
        ("打一枪听听 皇冠喷 350m", "Crown%20&%20King%20Auto-5-03.mp3"),
        ("打一枪听听1892", "Berthier%20Mle%201892-08.mp3"),
    ])
    func gunsAndDistancesAreMatchedByNameOrNicknameIgnoringCase(text: String, file: String) async throws {
        let harness = H()
        await harness.say(text)
        #expect(harness.actions.sentMessages == [try Self.voice("http://hunt.kamille.ovh/sounds/" + file)])
    }

    @Test func noGunNamedPicksARandomOne() async throws {
        let harness = H(random: 15)
        await harness.say("打一枪听听")
        await harness.say("/gun 50m")
        #expect(harness.random.ranges == [0...34, 0...34])
        #expect(harness.actions.sentMessages == [
            try Self.voice("http://hunt.kamille.ovh/sounds/Mosin-Nagant%20M1891-08.mp3"),
            try Self.voice("http://hunt.kamille.ovh/sounds/Mosin-Nagant%20M1891-06.mp3"),
        ])
    }

    @Test func anUnknownGunListsSomeKnownNames() async {
        let harness = H()
        await harness.say("打一枪听听 AK47")
        let known = ["马枪", "三号手枪", "弓", "92新军左", "Caldwell Conversion Pistol", "Caldwell Conversion Uppercut",
                     "Pax手枪", "78喷", "弩", "皇冠喷", "多尔西", "信号枪"]
        #expect(harness.actions.sentTexts == [FeatureTexts.Gun.unknownGun("AK47", known: known, total: 35)])
        #expect(harness.actions.sentTexts.first?.hasPrefix("没有找到「AK47」这把枪。可以试试：马枪、三号手枪、弓、") == true)
    }

    @Test func anUnknownDistanceListsTheKnownOnes() async {
        let harness = H()
        await harness.say("打一枪听听 莫辛 30m")
        #expect(harness.actions.sentTexts == ["没有「30m」这个距离，可选：1000m、500m、350m、200m、100m、50m、20m、5m、0m"])
    }

    @Test func aBaseURLWithoutATrailingSlashStillGivesTheRightFile() async throws {
        var configuration = H.configuration()
        configuration.huntSoundBaseURL = try #require(URL(string: "http://127.0.0.1:9/hunt"))
        let harness = H(configuration: configuration)
        await harness.say("打一枪听听 弓 5m")
        #expect(harness.actions.sentMessages == [try Self.voice("http://127.0.0.1:9/hunt/Bow-08.mp3")])
    }

    @Test func theArsenalHoldsVioGosTable() {
        let arsenal = HuntArsenal.standard
        #expect(arsenal.guns.count == 35)
        #expect(Set(arsenal.guns.map(\.fileStem)).count == 35)
        #expect(arsenal.distances.map(\.code) == ["01", "02", "03", "04", "05", "06", "07", "08", "09"])
        #expect(arsenal.defaultDistance == "5m")
        #expect(arsenal.gun(named: "莫辛纳甘")?.name == "Mosin-Nagant M1891")
        #expect(arsenal.gun(named: "温菲百年庆典")?.fileStem == "Winfield%20M1876%20Centennial")
    }
}
