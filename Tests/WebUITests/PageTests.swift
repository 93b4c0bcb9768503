import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Every page over HTTP: status, key text, and for each role no other organization's name.
@Suite("Web UI pages")
struct PageTests {
    @Test("the login page is in Chinese by default and in English when chosen; the choice is remembered in a cookie")
    func login() async throws {
        try await UIFixture.run { _, client in
            let zh = try await client.execute(uri: "/ui/login", method: .get)
            #expect(zh.status == .ok)
            #expect(zh.headers[.contentType] == "text/html; charset=utf-8")
            #expect(String(buffer: zh.body).contains("<html lang=\"zh-CN\">"))
            #expect(String(buffer: zh.body).contains("<label for=\"username\">用户名</label>"))
            let switched = try await client.execute(uri: "/ui/lang?to=en&back=%2Fui%2Flogin", method: .get)
            #expect(switched.status == .seeOther)
            #expect(switched.headers[.location] == "/ui/login")
            let cookie = try #require(switched.headers[.setCookie])
            #expect(cookie.hasPrefix("praxis_lang=en"))
            let en = try await client.execute(uri: "/ui/login", method: .get, headers: [.cookie: "praxis_lang=en"])
            #expect(String(buffer: en.body).contains("<h1>Sign in</h1>"))
            let away = try await client.execute(uri: "/ui/lang?to=en&back=%2F%2Fevil.example%2F", method: .get)
            #expect(away.headers[.location] == "/ui/")
        }
    }

    @Test("a wrong password shows the message and keeps the username; pages without a session send to the login page")
    func wrongPassword() async throws {
        try await UIFixture.run { _, client in
            let response = try await client.execute(
                uri: "/ui/login", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .init("X-Forwarded-For")!: "10.8.0.1"],
                body: UIFixture.form([("username", "demo.manager"), ("password", "wrong"), ("next", "/ui/timeline")]))
            #expect(response.status == .unauthorized)
            let html = String(buffer: response.body)
            #expect(html.contains("用户名或密码不正确"))
            #expect(html.contains("value=\"demo.manager\""))
            let page = try await client.execute(uri: "/ui/timeline?week=2026-03-02", method: .get)
            #expect(page.status == .seeOther)
            #expect(page.headers[.location] == "/ui/login?next=%2Fui%2Ftimeline%3Fweek%3D2026%2D03%2D02")
        }
    }

    @Test("failures are friendly pages from the problem details: unknown page, another role's page, no stack trace")
    func errorPages() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let missing = try await client.execute(uri: "/ui/nowhere", method: .get, headers: session.headers)
            #expect(missing.status == .notFound)
            #expect(String(buffer: missing.body).contains("<h1>页面不存在</h1>"))
            let forbidden = try await client.execute(uri: "/ui/timeline", method: .get, headers: session.headers)
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.headers[.contentType] == "text/html; charset=utf-8")
            // the plan use case answers: no such plan (404) before anything about who may read it
            let plan = try await client.execute(
                uri: "/ui/plans/00000000-0000-0000-0000-000000000000", method: .get, headers: session.headers)
            #expect(plan.status == .notFound)
            for response in [missing, forbidden, plan] {
                let html = String(buffer: response.body)
                #expect(!html.contains("Swift") && !html.contains("Error(") && !html.contains(".swift"))
            }
        }
    }

    @Test("static files are served; nothing outside them is")
    func staticFiles() async throws {
        try await UIFixture.run { _, client in
            let css = try await client.execute(uri: "/ui/static/app.css", method: .get)
            #expect(css.status == .ok)
            #expect(css.headers[.contentType] == "text/css; charset=utf-8")
            let script = try await client.execute(uri: "/ui/static/planner.js", method: .get)
            #expect(String(buffer: script.body).contains("EventSource"))
            let other = try await client.execute(uri: "/ui/static/..%2Fi18n%2Fen.json", method: .get)
            #expect(other.status == .notFound)
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.headers[.location] == "/ui/")
        }
    }

    static let rolePages: [(user: String, pages: [(path: String, text: String)])] = [
        (
            "demo.manager",
            [
                ("/ui/", "中心排课经理"), ("/ui/timeline?week=2026-03-02", "资源时间线"),
                ("/ui/timeline?week=2026-03-02&rows=instructors", "王建国"),
                ("/ui/planner", "开始一次排课"), ("/ui/requests", "申请收件箱"),
                ("/ui/requests?category=pilot_production&state=submitted", "新产品中试"),
                ("/ui/resources", "五轴加工中心"), ("/ui/instructors", "固定岗"), ("/ui/policy", "换线缓冲"),
                ("/ui/quotas", "本月 20 小时中还剩"), ("/ui/timeline?week=2026-03-02", "当前配额剩余（所选单位）"),
                ("/ui/timeline?week=2026-03-02", "本月 20 小时中还剩"),
            ]
        ),
        (
            "demo.school",
            [
                ("/ui/", "学校协调员"), ("/ui/", "本周 120 小时中还剩"), ("/ui/school", "本校班级"),
            ]
        ),
        (
            "demo.enterprise",
            [
                ("/ui/", "企业协调员"), ("/ui/enterprise?week=2026-03-02", "已占用"),
                ("/ui/enterprise/courses", "焊接机器人编程（共享员工）"),
            ]
        ),
        (
            "demo.instructor",
            [
                ("/ui/", "实训指导教师"), ("/ui/me?week=2026-03-02", "教师本人的实训课"),
                ("/ui/me?view=term&week=2026-03-02", "教师本人的实训课"),
            ]
        ),
        ("demo.auditor", [("/ui/", "审计员")]),
    ]

    @Test("each role's pages answer with their key text and no other organization's name", arguments: 0..<5)
    func rolePages(_ index: Int) async throws {
        let (user, pages) = Self.rolePages[index]
        try await UIFixture.run { fixture, client in
            let own =
                [
                    "demo.manager": UIFixture.organizations, "demo.school": [fixture.school],
                    "demo.enterprise": [fixture.enterprise],
                ][user] ?? []
            let session = try await fixture.signIn(client, as: user)
            for (path, text) in pages {
                let response = try await client.execute(uri: path, method: .get, headers: session.headers)
                #expect(response.status == .ok, "\(user) \(path)")
                let html = String(buffer: response.body)
                #expect(html.contains(text), "\(user) \(path) lacks \(text)")
                for name in UIFixture.organizations where !own.contains(name) {
                    #expect(!html.contains(name), "\(user) \(path) shows \(name)")
                }
            }
        }
    }

    @Test("a school's class timetable answers for its own class only")
    func classTimetable() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let school = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            let link = try #require(school.range(of: #"/ui/school/classes/[0-9a-f-]{36}"#, options: .regularExpression))
            let page = try await client.execute(
                uri: String(school[link]) + "?week=2026-03-02", method: .get, headers: session.headers)
            #expect(page.status == .ok)
            #expect(String(buffer: page.body).contains("课表"))
            let other: UUID = try await fixture.db.query(
                "SELECT c.id FROM cohorts c JOIN organizations o ON o.id = c.organization_id WHERE o.name <> \(fixture.school) LIMIT 1"
            ).first!.decode("id")
            let foreign = try await client.execute(
                uri: "/ui/school/classes/\(other.uuidString)", method: .get, headers: session.headers)
            #expect(foreign.status == .notFound)
        }
    }
}
