import Access
import Domain
import Foundation
import Hummingbird
import Service

extension SetupPages {
    /// `GET|POST /ui/policy`: category shares, changeover buffers, planner weights, whether pilot
    /// runs go on through closed days and which categories may displace which, replaced at the
    /// version read.
    func addPolicyRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("policy") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let policy = try await services.policies.policy(of: center.id, as: principal)
            return try await policyPage(
                request, context, center: center, form: Self.form(of: policy), version: policy.version ?? 0)
        }
        router.post("policy") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let form = try await Form.read(request, context: context)
            let frame = PageFrame(request, context: context)
            var errors = FieldErrors()
            let (policy, fieldOf) = Self.policy(from: form)
            do {
                _ = try await services.policies.replace(
                    policy, of: center.id, version: Int(form.text("version")) ?? 0, as: principal)
                return Response.redirect(to: "/ui/policy?notice=policySaved")
            } catch ServiceError.invalid(let error) {
                errors.add(error, strings: renderer.strings, language: frame.language, map: fieldOf)
            }
            return try await policyPage(
                request, context, center: center, form: form.echo, version: Int(form.text("version")) ?? 0,
                errors: errors)
        }
    }

    /// The form's fields of a policy: `share_<category>_min|max`, `co_<n>_kind|from|to|minutes`, `w_<weight>`,
    /// `pilotThroughClosures` (`on` when set), `disp_by_<category>` and `disp_of_<category>` (`on`),
    /// `disp_days`.
    static func form(of policy: CenterPolicy) -> [String: String] {
        var form: [String: String] = [:]
        for share in policy.shares {
            form["share_\(share.category.rawValue)_min"] = "\(share.minPercent)"
            form["share_\(share.category.rawValue)_max"] = "\(share.maxPercent)"
        }
        for (index, rule) in policy.changeovers.enumerated() {
            form["co_\(index)_kind"] = rule.resourceKind.rawValue
            form["co_\(index)_from"] = rule.fromCategory.rawValue
            form["co_\(index)_to"] = rule.toCategory.rawValue
            form["co_\(index)_minutes"] = "\(rule.minutes)"
        }
        for constraint in SoftConstraint.allCases { form["w_\(constraint.rawValue)"] = "\(policy.weights[constraint])" }
        if policy.pilotRunsThroughClosures == true { form["pilotThroughClosures"] = "on" }
        if let rule = policy.displacement {
            for category in rule.by { form["disp_by_\(category.rawValue)"] = "on" }
            for category in rule.displaces { form["disp_of_\(category.rawValue)"] = "on" }
            form["disp_days"] = "\(rule.makeUpWithinDays)"
        }
        return form
    }

    /// The policy typed into the form, and where each of its fields came from.
    static func policy(from form: Form) -> (CenterPolicy, (String) -> String?) {
        var policy = CenterPolicy()
        var fields: [String: String] = [:]
        for category in Domain.Category.allCases {
            let (min, max) = (form.text("share_\(category.rawValue)_min"), form.text("share_\(category.rawValue)_max"))
            guard !min.isEmpty || !max.isEmpty else { continue }
            fields["shares/\(policy.shares.count)/minPercent"] = "share_\(category.rawValue)_min"
            fields["shares/\(policy.shares.count)/maxPercent"] = "share_\(category.rawValue)_max"
            policy.shares.append(
                CategoryShare(category: category, minPercent: Int(min) ?? -1, maxPercent: Int(max) ?? -1))
        }
        for index in 0..<changeoverRows(form) {
            guard let kind = ResourceKind(rawValue: form.text("co_\(index)_kind")),
                let from = Domain.Category(rawValue: form.text("co_\(index)_from")),
                let to = Domain.Category(rawValue: form.text("co_\(index)_to")),
                !form.text("co_\(index)_minutes").isEmpty
            else { continue }
            fields["changeovers/\(policy.changeovers.count)/minutes"] = "co_\(index)_minutes"
            fields["changeovers/\(policy.changeovers.count)"] = "co_\(index)_minutes"
            policy.changeovers.append(
                ChangeoverRule(
                    resourceKind: kind, fromCategory: from, toCategory: to,
                    minutes: Int(form.text("co_\(index)_minutes")) ?? -1))
        }
        var weights = PolicyWeights()
        for constraint in SoftConstraint.allCases {
            let name = constraint.rawValue
            weights[constraint] = Int(form.text("w_\(name)")) ?? -1
            fields["weights/\(name)"] = "w_\(name)"
        }
        policy.weights = weights
        policy.pilotRunsThroughClosures = form["pilotThroughClosures"] == "on"
        let by = Domain.Category.allCases.filter { form["disp_by_\($0.rawValue)"] == "on" }
        let displaces = Domain.Category.allCases.filter { form["disp_of_\($0.rawValue)"] == "on" }
        if !by.isEmpty || !displaces.isEmpty || !form.text("disp_days").isEmpty {
            policy.displacement = DisplacementRule(
                by: by, displaces: displaces, makeUpWithinDays: Int(form.text("disp_days")) ?? -1)
            fields["displacement/by"] = "disp_by"
            fields["displacement/displaces"] = "disp_of"
            fields["displacement/makeUpWithinDays"] = "disp_days"
        }
        return (policy, { fields[$0] })
    }

    /// The changeover rows the form has: the stored ones and one blank row to add a rule.
    private static func changeoverRows(_ form: Form) -> Int {
        (0...).first { form["co_\($0)_kind"] == nil } ?? 0
    }

    private func policyPage(
        _ request: Request, _ context: some PageContext, center: Center, form: [String: String], version: Int,
        errors: FieldErrors = FieldErrors()
    ) async throws -> Response {
        let frame = PageFrame(request, context: context)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let rows = ((0...).first { form["co_\($0)_kind"] == nil } ?? 0) + 1
        func options<T: RawRepresentable>(_ all: [T], _ chosen: String?, prefix: String) -> [[String: Any]]
        where T.RawValue == String {
            all.map { ["value": $0.rawValue, "label": text(prefix + $0.rawValue), "selected": $0.rawValue == chosen] }
        }
        let values: [String: Any] = [
            "centerName": center.name, "version": version, "errors": errors.values,
            "pilotThroughClosures": form["pilotThroughClosures"] == "on",
            "displacement": errors.adding(
                [
                    "days": form["disp_days"] ?? "",
                    "by": Domain.Category.allCases.map { category -> [String: Any] in
                        [
                            "name": "disp_by_\(category.rawValue)", "label": text("category_\(category.rawValue)"),
                            "checked": form["disp_by_\(category.rawValue)"] == "on",
                        ]
                    },
                    "of": Domain.Category.allCases.map { category -> [String: Any] in
                        [
                            "name": "disp_of_\(category.rawValue)", "label": text("category_\(category.rawValue)"),
                            "checked": form["disp_of_\(category.rawValue)"] == "on",
                        ]
                    },
                ],
                ["byError": "disp_by", "ofError": "disp_of", "daysError": "disp_days"]),
            "shares": Domain.Category.allCases.map { category -> [String: Any] in
                let key = "share_\(category.rawValue)"
                return errors.adding(
                    [
                        "label": text("category_\(category.rawValue)"), "minName": key + "_min",
                        "maxName": key + "_max",
                        "min": form[key + "_min"] ?? "", "max": form[key + "_max"] ?? "",
                    ],
                    ["minError": key + "_min", "maxError": key + "_max"])
            },
            "changeovers": (0..<rows).map { index -> [String: Any] in
                let key = "co_\(index)"
                return errors.adding(
                    [
                        "index": index, "minutes": form[key + "_minutes"] ?? "",
                        "kinds": options(ResourceKind.allCases, form[key + "_kind"], prefix: "kind_"),
                        "from": options(Domain.Category.allCases, form[key + "_from"], prefix: "category_"),
                        "to": options(Domain.Category.allCases, form[key + "_to"], prefix: "category_"),
                    ],
                    ["error": key + "_minutes"])
            },
            "weights": SoftConstraint.allCases.map(\.rawValue).map { name -> [String: Any] in
                errors.adding(
                    ["name": "w_\(name)", "label": text("weight_\(name)"), "value": form["w_\(name)"] ?? ""],
                    ["error": "w_\(name)"])
            },
        ]
        return renderer.page("policy", frame, values, status: errors.isEmpty ? .ok : .unprocessableContent)
    }
}
