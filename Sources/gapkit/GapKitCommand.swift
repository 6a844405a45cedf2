import ArgumentParser

@main
struct GapKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gapkit",
        abstract: "Gap analysis against ISO management-system standards.",
        version: "0.1.0",
        subcommands: [Validate.self, Show.self, Score.self, PlanCommand.self, Assess.self, Ask.self, Merge.self, Guide.self, Batch.self,
                      Survey.self, Templates.self]
    )
}
