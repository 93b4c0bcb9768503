import Database
import Domain
import Foundation
import Repositories

extension RequestService {
    /// An upskilling course's training type fits its asker (a school trains its teachers, an
    /// enterprise its employees) and its named trainers are the asker's own instructors at the
    /// center, who together hold every part's skill with a certificate valid through the window.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `details/trainingType` (rules `required`,
    ///   `askerKind`), `details/trainerIds/N` (rule `ownTrainer`) or `details/parts/N/skill`
    ///   (`details/skill` for a course without parts; rule `trainerSkill`).
    func checkCourse(
        _ details: EmployeeUpskillingDetails, by organization: Organization, centerId: UUID,
        on connection: Connection
    ) throws {
        try Self.checkTrainingType(details.trainingType, by: organization)
        let ids = details.trainerIds ?? []
        guard !ids.isEmpty else { return }
        var trainers: [Instructor] = []
        for (index, id) in ids.enumerated() {
            guard let trainer = try people.instructor(id: id, on: connection), trainer.centerId == centerId,
                trainer.organizationId == organization.id
            else {
                throw Self.invalid(
                    "details/trainerIds/\(index)", "ownTrainer",
                    "\(id) is not an instructor of \(organization.name) at this center; register your trainers first.")
            }
            trainers.append(trainer)
        }
        for (index, part) in details.effectiveParts.enumerated()
        where !trainers.contains(where: { $0.holds([part.skill], validOn: details.latest) }) {
            throw Self.invalid(
                details.parts == nil ? "details/skill" : "details/parts/\(index)/skill", "trainerSkill",
                "None of the named trainers holds \(part.skill) with a certificate valid through \(details.latest).")
        }
    }

    /// A school asks for its teachers' practice or training; an enterprise for pre-job, on-the-job or
    /// continuing training of its employees (or leaves the type out, as older requests did).
    private static func checkTrainingType(_ type: TrainingType?, by organization: Organization) throws {
        if organization.kind.isSchool, type == nil {
            throw invalid(
                "details/trainingType", "required", "A school's course is teacherPractice or teacherTraining.")
        }
        guard let type, type.isForTeachers != organization.kind.isSchool else { return }
        throw invalid(
            "details/trainingType", "askerKind",
            organization.kind.isSchool
                ? "A school asks for teacherPractice or teacherTraining, not \(type.rawValue)."
                : "An enterprise asks for preJob, onJob or continuing training, not \(type.rawValue).")
    }
}
