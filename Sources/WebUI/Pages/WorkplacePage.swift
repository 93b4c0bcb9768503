import Access
import Foundation
import Hummingbird
import Service

/// `POST /ui/workplace`: the header's center switch. Makes the chosen center the reader's
/// workplace (remembered for their account) and goes back to the page they were on.
struct WorkplacePage: Sendable {
    let services: PageServices

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.post("workplace") { request, context in
            let principal = try context.reader()
            let form = try await Form.read(request, context: context)
            guard let centerId = UUID(uuidString: form.text("center")) else { throw PageError.notFound }
            _ = try await services.centers.chooseWorkplace(centerId, as: principal)
            let back = LoginPages.next(form["back"])
            return Response.redirect(to: back + (back.contains("?") ? "&" : "?") + "notice=workplaceChosen")
        }
    }
}
