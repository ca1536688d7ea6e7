// vio-server with a feature of your own: every Vio feature (chat, pictures, the lottery, …) and
// `/roll 2d6`, switchable per chat like Vio's own. Run it with `swift run PluginServer`; it takes
// the same settings and options as `vio-server` (see README.md), then, from QQ or Telegram, say
// `/roll 2d6`, `/disable dice` or `help`.
import VioServerKit

@main
enum PluginServer {
    static func main() async {
        await VioServerCommand.main(adding: [DiceFeature()])
    }
}
