// Generated from VioGo's weapon table (viogami/VioGo utils/hunt-sound.go, as recorded in
// shared/fixtures/viogo/hunt-guns.json). Edit the data, not the shape.

extension HuntArsenal {
    /// Hunt: Showdown's weapons with the nicknames VioGo players use, and the distances recorded.
    static let standard = HuntArsenal(
        guns: [
            HuntGun(name: "Berthier Mle 1892", fileStem: "Berthier%20Mle%201892", aliases: ["马枪", "1892"]),
            HuntGun(name: "Bornheim No. 3", fileStem: "Bornheim%20No.%203", aliases: ["三号手枪"]),
            HuntGun(name: "Bow", fileStem: "Bow", aliases: ["弓"]),
            HuntGun(name: "Caldwell 92 New army", fileStem: "Caldwell%2092%20New%20army", aliases: ["caldwell 92 new army", "92新军左", "新军左"]),
            HuntGun(name: "Caldwell Conversion Pistol", fileStem: "Caldwell%20Conversion%20Pistol", aliases: []),
            HuntGun(name: "Caldwell Conversion Uppercut", fileStem: "Caldwell%20Conversion%20Uppercut", aliases: []),
            HuntGun(name: "Caldwell Pax", fileStem: "Caldwell%20Pax", aliases: ["caldwell pax", "Pax手枪", "pax"]),
            HuntGun(name: "Caldwell Rival 78", fileStem: "Caldwell%20Rival%2078", aliases: ["caldwell rival 78", "78喷"]),
            HuntGun(name: "Crossbow", fileStem: "Crossbow", aliases: ["弩", "十字弩"]),
            HuntGun(name: "Crown & King Auto-5", fileStem: "Crown%20&%20King%20Auto-5", aliases: ["皇冠喷"]),
            HuntGun(name: "Dolch 96", fileStem: "Dolch%2096", aliases: ["多尔西"]),
            HuntGun(name: "Flare Pistol", fileStem: "Flare%20Pistol", aliases: ["信号枪"]),
            HuntGun(name: "LeMat Mark II", fileStem: "LeMat%20Mark%20II", aliases: ["马克2"]),
            HuntGun(name: "Lebel 1886", fileStem: "Lebel%201886", aliases: ["乐贝"]),
            HuntGun(name: "Martini-Henry IC1", fileStem: "Martini-Henry%20IC1", aliases: ["马提尼"]),
            HuntGun(name: "Mosin-Nagant M1891", fileStem: "Mosin-Nagant%20M1891", aliases: ["莫辛", "莫辛纳甘"]),
            HuntGun(name: "Mosin-Nagant M1891 Avtomat", fileStem: "Mosin-Nagant%20M1891%20Avtomat", aliases: []),
            HuntGun(name: "Nagant M1895 Officer", fileStem: "Nagant%20M1895%20Officer", aliases: ["officer左轮", "公务员手枪"]),
            HuntGun(name: "Nagant M1895 Silencer", fileStem: "Nagant%20M1895%20Silencer", aliases: ["纳甘消音左轮", "Nagant消音"]),
            HuntGun(name: "Nitro Express Rifle", fileStem: "Nitro%20Express%20Rifle", aliases: ["nitro express", "猎象"]),
            HuntGun(name: "Quad Derringer", fileStem: "Quad%20Derringer", aliases: ["四管袖珍手枪"]),
            HuntGun(name: "Romero 77", fileStem: "Romero%2077", aliases: ["77喷"]),
            HuntGun(name: "Scottfied Model 3", fileStem: "Scottfied%20Model%203", aliases: ["3号手枪"]),
            HuntGun(name: "Sparks LRR", fileStem: "Sparks%20LRR", aliases: ["LRR", "乐融融"]),
            HuntGun(name: "Sparks LRR Silencer", fileStem: "Sparks%20LRR%20Silencer", aliases: ["消音LRR"]),
            HuntGun(name: "Sparks Pistol", fileStem: "Sparks%20Pistol", aliases: ["LRR手枪"]),
            HuntGun(name: "Specter 1882", fileStem: "Specter%201882", aliases: ["幽灵喷"]),
            HuntGun(name: "Springfield 1866", fileStem: "Springfield%201866", aliases: ["春田"]),
            HuntGun(name: "Vetterli 71 Karabiner", fileStem: "Vetterli%2071%20Karabiner", aliases: ["维特利"]),
            HuntGun(name: "Vetterli 71 Karabiner Silencer", fileStem: "Vetterli%2071%20Karabiner%20Silencer", aliases: []),
            HuntGun(name: "Windfield 1893 Slate", fileStem: "Windfield%201893%20Slate", aliases: ["石板喷"]),
            HuntGun(name: "Winfield 1887 Terminus", fileStem: "Winfield%201887%20Terminus", aliases: ["杠杆喷"]),
            HuntGun(name: "Winfield M1873C", fileStem: "Winfield%20M1873C", aliases: ["温菲"]),
            HuntGun(name: "Winfield M1873C Silencer", fileStem: "Winfield%20M1873C%20Silencer", aliases: ["消音温菲"]),
            HuntGun(name: "Winfield M1876 Centennial", fileStem: "Winfield%20M1876%20Centennial", aliases: ["温菲1876", "温菲百年庆典"]),
        ],
        distances: [
            HuntDistance(label: "1000m", code: "01"),
            HuntDistance(label: "500m", code: "02"),
            HuntDistance(label: "350m", code: "03"),
            HuntDistance(label: "200m", code: "04"),
            HuntDistance(label: "100m", code: "05"),
            HuntDistance(label: "50m", code: "06"),
            HuntDistance(label: "20m", code: "07"),
            HuntDistance(label: "5m", code: "08"),
            HuntDistance(label: "0m", code: "09"),
        ],
        defaultDistance: "5m"
    )
}
