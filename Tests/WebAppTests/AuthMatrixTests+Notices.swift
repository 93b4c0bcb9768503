import Foundation
import HTTPTypes
import Testing

extension AuthTests.AuthMatrixTests {
    /// An organization's coordinators and admins act on its webhooks; a reader who sees it is
    /// refused (403), one who may not know it gets 404.
    static func webhookCallers(_ status: Int) -> (Side) -> Expect {
        { side in
            let own: Caller = side == .school ? .school : .enterprise
            return organizationReaders(side).mapValues { $0 == 200 ? 403 : $0 }.merging([.admin: status, own: status]) {
                $1
            }
        }
    }

    /// Notices (each caller's own), notice preferences, webhooks and their delivery logs.
    static let noticeRows: [Row] = [
        simple("GET /notices", all(200)) { _ in Target(uri: "/notices") },
        simple("POST /notices/read-all", all(200)) { _ in Target(uri: "/notices/read-all") },
        // nobody has a notice with an unknown id (another's is the same 404)
        simple("POST /notices/:noticeId/read", all(404)) { _ in Target(uri: "/notices/\(UUID())/read") },
        simple("GET /notice-preferences", all(200)) { _ in Target(uri: "/notice-preferences") },
        simple("PUT /notice-preferences", all(412)) { _ in
            Target(
                uri: "/notice-preferences", headers: staleIfMatch,
                body: #"{"language": "en", "emailEnabled": false, "mutedEvents": []}"#)
        },
        sided("GET /organizations/:organizationId/webhooks", each(webhookCallers(200))) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)/webhooks")
        },
        sided("POST /organizations/:organizationId/webhooks", each(webhookCallers(422))) { w, side in
            Target(uri: "/organizations/\(w.organization[side]!)/webhooks", body: #"{"url": "", "events": []}"#)
        },
        simple("POST /webhooks/:webhookId/deactivate", all(404)) { _ in Target(uri: "/webhooks/\(UUID())/deactivate") },
        simple("GET /webhooks/:webhookId/deliveries", all(404)) { _ in Target(uri: "/webhooks/\(UUID())/deliveries") },
    ]
}
