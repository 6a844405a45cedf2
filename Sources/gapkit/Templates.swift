import ArgumentParser
import GapKit

struct Templates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Work with the report templates.",
        subcommands: [Export.self]
    )

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the default report templates into a folder, to adapt and use with `assess --templates`."
        )

        @Argument(help: "The folder to write the templates into.", completion: .directory)
        var directory: String

        @Flag(help: "Replace templates already in the folder.")
        var force = false

        func run() throws {
            do {
                try ReportTemplates.export(to: directory, overwrite: force)
            } catch {
                throw report(error)
            }
            for (name, _) in DefaultTemplates.all { print("\(directory)/\(name)") }
        }
    }
}
