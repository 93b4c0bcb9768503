import ArgumentParser

/// `praxis calendar`: the national holidays and make-up working days.
struct CalendarCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar",
        abstract: "Manage the official holidays and make-up working days.",
        subcommands: [CalendarImportCommand.self])
}
