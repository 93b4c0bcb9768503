public import Dates
import Foundation

extension NoticeDraft {
    /// The reminder of an instructor's certificate lapsing `certificate.expiresOn`, as of `today`:
    /// to the instructor's organization and the center's managers, linking to the instructor.
    public static func certificateExpiring(_ certificate: ExpiringCertificate, today: CalendarDate) -> NoticeDraft {
        let left = certificate.daysLeft(on: today)
        let date = NoticeTime.text(certificate.expiresOn)
        let (name, skill) = (certificate.instructorName, certificate.skill)
        return NoticeDraft(
            event: .certificateExpiring, centerId: certificate.centerId, organizationId: certificate.organizationId,
            entity: "instructor", entityId: certificate.instructorId.uuidString.lowercased(),
            title: LocalizedText(en: "Certificate expiring: \(name), \(skill)", zh: "证书即将到期：\(name)，\(skill)"),
            body: LocalizedText(
                en:
                    "\(name)’s certificate for \(skill) expires on \(date.en), in \(left) days. Renew it to keep \(name) "
                    + "assigned to sessions that need it.",
                zh: "\(name)的\(skill)证书将于\(date.zh)到期（还有 \(left) 天）。请及时更新，以免无法安排需要该技能的课次。"),
            link: "/instructors/\(certificate.instructorId.uuidString.lowercased())")
    }
}
