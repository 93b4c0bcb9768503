import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `GET|POST /ui/school/teacher-courses`: a school coordinator's requests for its own teachers'
/// practice at the center (教师岗位实践) or their training, with the course form enterprises use
/// (``CourseForm``) and the school's upskilling requests with their state.
struct TeacherCoursePages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("school/teacher-courses") { request, context in
            try await page(
                request, context,
                form: Form(
                    encoded: "participants=6&trainingType=teacherPractice&part1Kind=practice&part1Minutes=240"
                        + "&part1Sessions=5"))
        }
        router.post("school/teacher-courses") { request, context in
            let principal = try context.reader(holding: .schoolCoordinator)
            let center = try await services.center(for: principal)
            let form = try await Form.read(request, context: context)
            do {
                _ = try await services.requests.create(
                    NewRequest(
                        organizationId: principal.organizationId, title: form.text("course"),
                        details: .employeeUpskilling(try CourseForm.details(form)), submit: true),
                    in: center.id, as: principal)
                return Response.redirect(to: "/ui/school/teacher-courses?notice=requested")
            } catch ServiceError.invalid(let error) {
                var errors = FieldErrors()
                errors.add(error, strings: renderer.strings, language: PageFrame(request, context: context).language) {
                    CourseForm.field($0.replacingOccurrences(of: "details/", with: ""), form: form)
                }
                return try await page(request, context, form: form, errors: errors)
            }
        }
    }

    private func page(
        _ request: Request, _ context: some PageContext, form: Form, errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let principal = try context.reader(holding: .schoolCoordinator)
        let center = try await services.center(for: principal)
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let values: [String: Any] = [
            "centerName": center.name, "form": form.echo, "errors": errors.values,
            "requests": try await OwnRequests(
                services: services, reader: principal, centerId: center.id, strings: renderer.strings,
                language: frame.language
            ).rows { $0 == .employeeUpskilling },
            "allowedRows": EnterprisePages.allowedRowValues(form, errors: errors, text: text),
            "course": CourseForm.values(
                form, errors: errors, action: "/ui/school/teacher-courses",
                types: TrainingType.allCases.filter(\.isForTeachers),
                picker: try await TagPicker.load(
                    services, center: center.id, reader: principal, language: frame.language),
                trainers: try await services.organizations.affiliatedInstructors(
                    of: principal.organizationId, page: Page(limit: 200), as: principal),
                text: text),
        ]
        return renderer.page(
            "teachercourses", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
