/// The header's menus: a manager's links grouped by what they are for, each menu a `<details>`
/// (keyboard-operable without JavaScript). A link of no menu, or alone in its menu for this
/// reader, stays a plain link.
extension PageFrame {
    /// The menu (text key) each grouped destination belongs to. Reports and the audit log belong
    /// under evidence when they come.
    static let menus: [String: String] = [
        "/ui/planner": "nav_menu_plan", "/ui/requests": "nav_menu_plan", "/ui/terms": "nav_menu_plan",
        "/ui/calendar": "nav_menu_plan", "/ui/periods": "nav_menu_plan",
        "/ui/timeline": "nav_menu_bookings", "/ui/imports": "nav_menu_bookings",
        "/ui/center": "nav_menu_setup", "/ui/resources": "nav_menu_setup", "/ui/catalogue": "nav_menu_setup",
        "/ui/policy": "nav_menu_setup", "/ui/quotas": "nav_menu_setup",
        "/ui/instructors": "nav_menu_people", "/ui/organizations": "nav_menu_people",
        "/ui/no-shows": "nav_menu_evidence", "/ui/reports": "nav_menu_evidence", "/ui/audit": "nav_menu_evidence",
    ]

    /// The navigation as the layout draws it: links and menus in the order of their first link.
    /// - Parameters:
    ///   - table: the reader's texts.
    ///   - current: this page's path.
    func navigationEntries(_ table: [String: String], current: String) -> [[String: Any]] {
        let links = navigation
        var members: [String: [(path: String, key: String)]] = [:]
        for link in links { if let menu = Self.menus[link.path] { members[menu, default: []].append(link) } }
        func entry(_ link: (path: String, key: String)) -> [String: Any] {
            ["href": link.path, "text": table[link.key] ?? link.key, "current": link.path == current, "menu": false]
        }
        var entries: [[String: Any]] = []
        var drawn: Set<String> = []
        for link in links {
            guard let menu = Self.menus[link.path], let group = members[menu], group.count > 1 else {
                entries.append(entry(link))
                continue
            }
            guard drawn.insert(menu).inserted else { continue }
            entries.append([
                "menu": true, "text": table[menu] ?? menu, "links": group.map(entry),
                "current": group.contains { $0.path == current },
            ])
        }
        return entries
    }
}
