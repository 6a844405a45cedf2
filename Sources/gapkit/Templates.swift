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

        @Argument(help: "The folder to write report.html.mustache and report.md.mustache into.")
        var directory: String

        func run() throws {
            do {
                try ReportTemplates.export(to: directory)
            } catch {
                throw report(error)
            }
            for (name, _) in DefaultTemplates.all { print("\(directory)/\(name)") }
        }
    }
}
