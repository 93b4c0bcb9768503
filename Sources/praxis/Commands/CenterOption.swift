import Access
import ArgumentParser
import Domain
import Foundation
import Service

/// `--center NAME|ID`: the center a command works on.
struct CenterOption: ParsableArguments {
    @Option(help: "The center, by name or id.")
    var center: String

    /// The center's id: the option itself when it is a UUID, else the center of that name.
    func id(_ service: CenterService) async throws -> UUID {
        if let id = UUID(uuidString: center) { return id }
        return try await service.center(named: center, as: .system).id
    }
}
