import VioServerKit

/// The `vio-server` executable: vio-server's command line with Vio's features.
@main
enum VioServerMain {
    static func main() async {
        await VioServerCommand.main(adding: [])
    }
}
