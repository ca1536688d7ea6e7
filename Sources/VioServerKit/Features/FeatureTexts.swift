import Foundation
import OpenAIClient
import VioCore

/// Every sentence the Vio bot says in chat, in one place: change wording or language here.
///
/// The bot's users are Chinese QQ groups, so the texts are short and Chinese. Welcome and farewell
/// texts come from the configuration (`VIO_WELCOME_TEXT`, `VIO_FAREWELL_TEXT`).
enum FeatureTexts {
    /// The runtime's own replies (unknown failure, wrong chat kind, missing permission).
    static let runtime = BotTexts(
        handlerFailed: "出了点问题，请稍后再试。",
        groupOnly: "这个指令只能在群里用。",
        privateOnly: "这个指令只能私聊用。",
        permissionDenied: "你没有权限使用这个指令。",
        featureOffInGroup: "「{feature}」在本群已关闭，群管理员可以发送 /enable {id} 开启。",
        featureOffInPrivate: "「{feature}」在这里已关闭，发送 /enable {id} 就能开启。"
    )

    /// Each feature's name and one line, as `/features` and help list them.
    enum Feature {
        static let help = (name: "帮助", summary: "帮助、/start 和 /me")
        static let ping = (name: "状态", summary: "/ping：看看 Vio 还在不在")
        static let chat = (name: "聊天", summary: "和 AI 聊天，带记忆")
        static let roast = (name: "锐评", summary: "锐评一下：犀利点评一段文字")
        static let picture = (name: "涩图", summary: "来份涩图、来份r18涩图")
        static let gun = (name: "枪声", summary: "打一枪听听：Hunt: Showdown 的枪声")
        static let lottery = (name: "禁言抽奖", summary: "禁言抽奖和 /banme")
        static let admin = (name: "管理员", summary: "/admin：看看本群的管理员")
        static let recall = (name: "撤回记录", summary: "撤回了什么：看看最近谁撤回了什么")
        static let welcome = (name: "进群欢迎", summary: "欢迎新成员，送别离开的成员")
    }

    /// `/features`, `/enable` and `/disable`.
    static let switchboard: FeatureSwitchboard.Texts = {
        var texts = FeatureSwitchboard.Texts()
        texts.name = "功能开关"
        texts.summary = "在本群或本聊天里开关功能"
        texts.listSummary = "看看每个功能在这里是开还是关"
        texts.enableSummary = "在这里开启一个功能（群里需管理员）"
        texts.disableSummary = "在这里关闭一个功能（群里需管理员）"
        texts.usage = "<功能>"
        texts.listTitle = "这里的功能："
        texts.listLine = "{state} {id}（{feature}）— {summary}"
        texts.listHint = "用 /enable <功能> 或 /disable <功能> 开关，功能可以写名字或指令，比如 /disable 来份涩图。"
        texts.unknownFeature = "没有叫「{query}」的功能，发送 /features 看看有哪些。"
        texts.notSwitchable = "「{feature}」不能关闭。"
        texts.switchedOn = "好的，「{feature}」在这里开启了。"
        texts.switchedOff = "好的，「{feature}」在这里关闭了，发送 /enable {id} 可以再开启。"
        return texts
    }()

    enum Help {
        static let title = "Vio 的指令："
        static let summary = "看看 Vio 会什么"
        static let groupOnly = "（仅群聊）"
        static let privateOnly = "（仅私聊）"
        static let off = "（这里已关闭）"
    }

    enum Summary {
        static let chat = "和 Vio 聊天（直接说话也可以）"
        static let reset = "忘掉和你的对话"
        static let memory = "看看 Vio 记下的对话要点"
        static let persona = "看看或换掉这里的人格（群里换需管理员）"
        static let model = "看看或换掉这里用的模型（群里换需管理员）"
        static let roast = "锐评一段文字或被回复的消息"
        static let picture = "来一张图，可以带标签"
        static let r18Picture = "来一张 r18 图（需先用 /r18 on 开启）"
        static let r18Switch = "开关本群的 r18（管理员）"
        static let gun = "听一声 Hunt 的枪声"
        static let lottery = "随机禁言自己 0–10 分钟"
        static let banMe = "禁言自己 30 秒到 2 分钟"
        static let recalled = "看看最近谁撤回了什么"
        static let ping = "看看 Vio 还在不在"
        static let start = "打个招呼，看看怎么用"
        static let me = "看看 Vio 眼中的你"
        static let admin = "看看本群的管理员（普通成员会被禁言一分钟）"
    }

    enum Usage {
        static let chat = "<内容>"
        static let persona = "[人格|reset]"
        static let model = "[模型]"
        static let roast = "[内容]"
        static let picture = "[标签]"
        static let r18Switch = "on|off"
        static let gun = "[枪名] [距离]"
    }

    enum Chat {
        static let notConfigured = "聊天功能还没有配置，请管理员设置 OPENAI_API_KEY。"
        static let empty = "想聊点什么？直接说，或者在 /chat 后面写上内容。"
        static let reset = "好的，之前的对话我已经忘掉了。"
        static let switchRefused = "群里只有管理员可以换人格和模型。"
        static let picturesNotRead = "我现在看不了图片，用文字告诉我吧。"

        static func picturesLeftOut(_ count: Int) -> String {
            "有 \(count) 张图片没能读取（太大或下载失败），我只看了其余的内容。"
        }
    }

    enum Memory {
        static let summaryInstruction = "把下面的对话压缩成一段简短的要点笔记（不超过 200 字）：保留用户是谁、说过的事实和偏好、还没做完的事。如果有之前的笔记，把它合并进去。只输出笔记本身。"
        static let empty = "我还没有记下什么：对话还短，都记得住。"
        static let off = "对话摘要没有开启（VIO_MEMORY_SUMMARY=off），我只记得最近的对话。"

        /// The second system message of every request once there is a note.
        static func systemMessage(_ note: String) -> String {
            "之前对话的要点：\(note)"
        }

        static func shown(_ note: String) -> String {
            "我记下的要点：\n\(note)"
        }
    }

    enum Persona {
        /// `vio（Vio）` for a built-in preset, just the act for one from the prompts file.
        static func name(_ preset: PromptPreset) -> String {
            preset.title == preset.id ? preset.id : "\(preset.id)（\(preset.title)）"
        }

        static func list(_ presets: [PromptPreset], current: PromptPreset) -> String {
            "这里的人格：\(name(current))\n可选：\(presets.map(name).joined(separator: "、"))\n用「/persona 名称」切换，「/persona reset」恢复默认。"
        }

        static func unknown(_ query: String, presets: [PromptPreset], current: PromptPreset) -> String {
            "没有叫「\(query)」的人格。\n" + list(presets, current: current)
        }

        static func switched(to preset: PromptPreset) -> String {
            "好的，这里的人格换成了「\(name(preset))」。之前的对话不再带上，从现在开始新的对话。"
        }

        static func reset(to preset: PromptPreset) -> String {
            "人格已恢复默认「\(name(preset))」。之前的对话不再带上，从现在开始新的对话。"
        }
    }

    enum Allowance {
        /// Whole seconds, rounded up, at least 1.
        static func tooFast(retryAfter: Duration) -> String {
            "你问得太快了，请 \(max(1, Int(retryAfter.timeInterval.rounded(.up)))) 秒后再试。"
        }

        static let dailyTokensSpent = "你今天和 AI 聊得够多了，明天再来吧。"
    }

    enum ModelChoice {
        static func list(_ models: [String], current: String) -> String {
            "这里用的模型：\(current)\n可选：\(models.joined(separator: "、"))\n用「/model 名称」切换。"
        }

        static func unknown(_ query: String, models: [String], current: String) -> String {
            "不能用「\(query)」。\n" + list(models, current: current)
        }

        static func switched(to model: String) -> String {
            "好的，这里换成了模型 \(model)。"
        }
    }

    enum Model {
        static let busy = "AI 现在有点忙，请过一分钟再试。"
        static let unavailable = "AI 服务暂时出了点问题，请稍后再试。"
        static let timedOut = "AI 想得太久了，请再试一次。"
        static let failed = "AI 暂时回答不了，请稍后再试。"
        static let emptyAnswer = "AI 这次什么也没说，换个说法试试？"
    }

    enum Roast {
        static let notConfigured = "锐评功能还没有配置，请管理员设置 DeepSeekAPIKey 或 OPENAI_API_KEY。"
        static let usage = "要锐评什么？在「锐评一下」后面写上内容，或者回复一条消息再说「锐评一下」。"
        static let quotedMessageMissing = "找不到被回复的那条消息，没法锐评。"
        static let quotedMessageEmpty = "那条消息没有文字，没法锐评。"
    }

    enum Picture {
        static let noPicture = "没有找到这些标签的图片，换几个标签试试？"
        static let apiFailed = "图库暂时连不上，请稍后再试。"
        static let sendFailed = "图片发不出去，可能被风控了，请稍后再试。"
        static let r18Refused = "这里没有开启 r18。群管理员可以用「/r18 on」开启。"
        static let r18Enabled = "已在这里开启 r18。"
        static let r18Disabled = "已在这里关闭 r18。"
        static let forwardSenderName = "Vio"

        static func r18Status(isOn: Bool) -> String {
            "这里的 r18 现在是\(isOn ? "开启" : "关闭")的。用法：/r18 on 或 /r18 off"
        }

        static func caption(title: String, author: String, pid: Int64?) -> String {
            "《\(title)》 作者：\(author)" + (pid.map { " pid：\($0)" } ?? "")
        }
    }

    /// What the chat model is told of its tools, and what they tell it back.
    enum Tool {
        static let currentTime = "现在的日期、时间和星期（北京时间）"
        static func now(_ date: Date) -> String {
            date.formatted(Date.FormatStyle(date: .complete, time: .standard, locale: Locale(identifier: "zh_CN"), timeZone: shanghai))
        }
        static let sendPicture = "往这个聊天发一张插画（来自 pixiv），可以按标签找；r18 只在这个聊天开启了 r18 时可用"
        static let pictureTags = "标签，比如 [\"风景\", \"猫\"]；可以为空"
        static let pictureR18 = "是否要 r18 图，默认 false"
        static let r18Off = "这个聊天没有开启 r18，没有发图；管理员可以用 /r18 on 开启。"
        static let noPicture = "没有找到这些标签的图，没有发图。"
        static func pictureSent(title: String, author: String, pid: Int64?) -> String {
            "已经把图发到聊天里了：" + Picture.caption(title: title, author: author, pid: pid)
        }
        static let playGunSound = "在这个聊天里播放一声 Hunt: Showdown 的枪声"
        static let gunName = "枪的名字或外号，比如 莫辛、Sparks；为空时随机"
        static let gunDistance = "听到枪声的距离，比如 5m、50m、250m；为空时 5m"
        static let gunPlayed = "已经在聊天里播放了枪声。"
        static let latestRecalled = "这个群最近一条被撤回的消息：谁发的、谁撤回的、什么时候、写了什么"
        static let recallGroupsOnly = "撤回记录只在群里有。"
        private static let shanghai = TimeZone(identifier: "Asia/Shanghai") ?? .current
    }

    enum Gun {
        static func unknownGun(_ name: String, known: [String], total: Int) -> String {
            let more = known.count < total ? "……共 \(total) 把" : ""
            return "没有找到「\(name)」这把枪。可以试试：\(known.joined(separator: "、"))\(more)"
        }

        static func unknownDistance(_ text: String, known: [String]) -> String {
            "没有「\(text)」这个距离，可选：\(known.joined(separator: "、"))"
        }
    }

    enum Start {
        static func greeting(name: String) -> String {
            "你好，\(name)！我是 Vio。直接和我说话就能聊天，发送 /help 看看我还会什么。"
        }

        /// `/me`: the id and name, and the username and language when the platform gives them.
        static func me(id: String, name: String, username: String?, language: String?) -> String {
            var lines = ["ID：\(id)", "名字：\(name)"]
            if let username { lines.append("用户名：@\(username)") }
            if let language { lines.append("语言：\(language)") }
            return lines.joined(separator: "\n")
        }
    }

    enum Lottery {
        static let lucky = "运气不错，这次没有被禁言！"
        static let muteFailed = "我没有管理员权限，禁言不了，算你走运。"

        static func muted(for seconds: Int) -> String {
            " 恭喜获得 \(duration(seconds: seconds)) 禁言～"
        }
    }

    enum Admin {
        /// The owner first, then the administrators, each with a label.
        static func list(_ administrators: [(name: String, role: MemberRole)]) -> String {
            guard !administrators.isEmpty else { return "这个群没有可见的管理员。" }
            return "本群管理员：\n" + administrators.map { "\($0.role == .owner ? "群主" : "管理员")：\($0.name)" }.joined(separator: "\n")
        }
    }

    enum Recall {
        static let nothingRecalled = "最近 72 小时这里没有人撤回消息。"
        static let unavailableOnTelegram = "Telegram 不会告诉机器人谁删了消息，所以这里看不了撤回了什么。"
        static let contentUnknown = "（内容没能找回）"
        static let byThemselves = "本人"

        static func report(time: Date, sender: String, operator recaller: String, content: String) -> String {
            """
            最近撤回的消息：
            时间：\(timestamp(time))
            发送者：\(sender)
            撤回者：\(recaller)
            内容：\(content)
            """
        }

        static func person(name: String?, id: ID) -> String {
            guard let name, !name.isEmpty else { return "\(id)" }
            return "\(name)（\(id)）"
        }
    }

    enum Ping {
        static func status(uptime: Duration, bots: [String], linksDown: [String] = []) -> String {
            let online = bots.isEmpty ? "没有在线的机器人" : "在线机器人 \(bots.count) 个：\(bots.joined(separator: "、"))"
            let down = linksDown.isEmpty ? "" : "\n未连上：\(linksDown.joined(separator: "、"))"
            return "pong\n已运行 \(duration(seconds: Int(uptime.components.seconds)))，\(online)" + down
        }
    }

    /// `3725` → `1 小时 2 分 5 秒`; zero parts are left out.
    static func duration(seconds: Int) -> String {
        let units = [(86_400, "天"), (3_600, "小时"), (60, "分"), (1, "秒")]
        var rest = max(seconds, 0)
        var parts: [String] = []
        for (size, name) in units where rest >= size {
            parts.append("\(rest / size) \(name)")
            rest %= size
        }
        return parts.isEmpty ? "0 秒" : parts.joined(separator: " ")
    }

    /// A time as Chinese users read it: `2024-05-01 20:30:05`, Beijing time.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600) ?? .current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
    }
}
