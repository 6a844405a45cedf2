import ArgumentParser

@main
struct GapKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gapkit")
}
