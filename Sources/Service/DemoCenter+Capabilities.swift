import Access
import Database
import Domain
import Foundation

extension DemoCenter {
    /// The demo center's bilingual capability catalogue: every tag its resources, instructors and
    /// requests carry, with the labels people read.
    enum Capabilities {
        static let entries: [NewCatalogueEntry] = [
            .init(tag: "cnc", labelZh: "数控实训", labelEn: "CNC training", kind: .equipment),
            .init(tag: "cnc.lathe", labelZh: "数控车床", labelEn: "CNC lathe", kind: .equipment),
            .init(tag: "cnc.mill", labelZh: "数控铣床", labelEn: "CNC milling machine", kind: .equipment),
            .init(
                tag: "cnc.5axis", labelZh: "五轴加工中心", labelEn: "Five-axis machining center", kind: .equipment,
                description: "五轴联动，复杂曲面零件 / simultaneous five-axis, freeform parts"),
            .init(tag: "welding", labelZh: "焊接实训", labelEn: "Welding", kind: .equipment),
            .init(tag: "welding.robot", labelZh: "焊接机器人", labelEn: "Welding robot", kind: .equipment),
            .init(tag: "welding.manual", labelZh: "手工焊", labelEn: "Manual welding", kind: .equipment),
            .init(tag: "robot.industrial", labelZh: "工业机器人", labelEn: "Industrial robot", kind: .equipment),
            .init(tag: "plc", labelZh: "PLC 控制", labelEn: "PLC control", kind: .equipment),
            .init(tag: "printing.3d", labelZh: "3D打印", labelEn: "3D printing", kind: .equipment),
            .init(tag: "pilot.line", labelZh: "智能产线中试", labelEn: "Pilot production line", kind: .equipment),
            .init(tag: "classroom", labelZh: "理论教室", labelEn: "Theory classroom", kind: .equipment),
            .init(tag: "fitting", labelZh: "钳工", labelEn: "Bench fitting", kind: .equipment),
            .init(tag: "fitting.bench", labelZh: "钳工工位", labelEn: "Fitting bench", kind: .equipment),
            .init(tag: "mentor.fitting", labelZh: "钳工企业导师", labelEn: "Fitting mentor", kind: .skill),
            .init(tag: "quality.inspection", labelZh: "质检", labelEn: "Quality inspection", kind: .equipment),
            .init(
                tag: "electrician", labelZh: "电工", labelEn: "Electrician", kind: .skill,
                description: "特种作业操作证（低压电工）/ low-voltage electrician's licence"),
            .init(tag: "safety.training", labelZh: "安全培训", labelEn: "Safety training", kind: .skill),
        ]

        /// Resources beyond the first set: the fitting bench room and the inspection room.
        static let resources: [Catalogue.Item] = [
            .init(name: "钳工实训室", kind: .workstationPool, seats: 24, capabilities: ["fitting"], parent: nil),
            .init(name: "质检室", kind: .room, seats: 20, capabilities: ["quality.inspection"], parent: nil),
        ]

        /// Certificates some instructors hold besides their trade.
        static let extraSkills: [String: [String]] = [
            "王建国": ["safety.training", "fitting"], "李娜": ["electrician"], "黄敏": ["electrician"],
            "张伟": ["safety.training"], "朱红": ["quality.inspection"], "郭峰": ["electrician", "safety.training"],
        ]
    }

    /// Loads the catalogue into the center, as ``Principal/system``.
    static func catalogue(_ centerId: UUID, with service: CatalogueService, on connection: Connection) throws {
        for entry in Capabilities.entries {
            _ = try service.add(entry, to: centerId, on: connection, as: .system)
        }
    }
}
