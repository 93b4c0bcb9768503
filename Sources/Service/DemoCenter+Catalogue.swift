import Domain

extension DemoCenter {
    /// The demo's facts: invented organizations and people, realistic shapes.
    enum Catalogue {
        struct Item {
            let name: String
            let kind: ResourceKind
            let seats: Int
            let capabilities: [String]
            let parent: String?
        }

        static let resources: [Item] = [
            Item(name: "数控实训车间", kind: .workshop, seats: 60, capabilities: ["cnc"], parent: nil),
            Item(name: "数控车床 1", kind: .equipmentLine, seats: 1, capabilities: ["cnc.lathe"], parent: "数控实训车间"),
            Item(name: "数控车床 2", kind: .equipmentLine, seats: 1, capabilities: ["cnc.lathe"], parent: "数控实训车间"),
            Item(name: "数控车床 3", kind: .equipmentLine, seats: 1, capabilities: ["cnc.lathe"], parent: "数控实训车间"),
            Item(name: "立式加工中心 1", kind: .equipmentLine, seats: 1, capabilities: ["cnc.mill"], parent: "数控实训车间"),
            Item(name: "立式加工中心 2", kind: .equipmentLine, seats: 1, capabilities: ["cnc.mill"], parent: "数控实训车间"),
            Item(name: "五轴加工中心", kind: .equipmentLine, seats: 1, capabilities: ["cnc.5axis"], parent: "数控实训车间"),
            Item(name: "焊接实训车间", kind: .workshop, seats: 40, capabilities: ["welding"], parent: nil),
            Item(name: "焊接机器人 1", kind: .equipmentLine, seats: 1, capabilities: ["welding.robot"], parent: "焊接实训车间"),
            Item(name: "焊接机器人 2", kind: .equipmentLine, seats: 1, capabilities: ["welding.robot"], parent: "焊接实训车间"),
            Item(name: "手工焊工位", kind: .workstationPool, seats: 16, capabilities: ["welding.manual"], parent: "焊接实训车间"),
            Item(name: "工业机器人工作站", kind: .workstationPool, seats: 20, capabilities: ["robot.industrial"], parent: nil),
            Item(name: "PLC 实验室", kind: .room, seats: 40, capabilities: ["plc"], parent: nil),
            Item(name: "增材制造室", kind: .room, seats: 24, capabilities: ["printing.3d"], parent: nil),
            Item(name: "3D 打印机 1", kind: .equipmentLine, seats: 1, capabilities: ["printing.3d"], parent: "增材制造室"),
            Item(name: "3D 打印机 2", kind: .equipmentLine, seats: 1, capabilities: ["printing.3d"], parent: "增材制造室"),
            Item(
                name: "智能产线中试线", kind: .equipmentLine, seats: 1, capabilities: ["pilot.line", "cnc.5axis"], parent: nil),
            Item(name: "多媒体教室 A", kind: .room, seats: 60, capabilities: ["classroom"], parent: nil),
        ]

        static let changeovers: [(Category, Category, Int)] = [
            (.pilotProduction, .studentTraining, 120), (.pilotProduction, .sharedEmployee, 120),
            (.pilotProduction, .employeeUpskilling, 60), (.studentTraining, .pilotProduction, 60),
        ]

        static let organizations: [(String, OrganizationKind)] = [
            ("潍坊职业学院", .higherVocationalCollege), ("潍坊市工业学校", .secondaryVocationalSchool),
            ("潍坊理工学院", .undergraduateUniversity), ("潍海动力装备集团", .largeEnterprise), ("鲁信精密机械集团", .largeEnterprise),
            ("寿光精工零部件", .sme), ("青州智造模具", .sme), ("诸城汽配科技", .sme), ("高密焊接科技", .sme),
            ("昌乐三维打印", .sme), ("安丘自动化设备", .sme),
        ]

        static let cohorts: [(String, String, Int)] = [
            ("潍坊职业学院", "机电2401班", 42), ("潍坊职业学院", "数控2402班", 40), ("潍坊职业学院", "工业机器人2403班", 38),
            ("潍坊市工业学校", "数控2301班", 35), ("潍坊市工业学校", "焊接2302班", 30), ("潍坊理工学院", "机械设计2201班", 45),
            ("潍海动力装备集团", "焊接班组", 12), ("鲁信精密机械集团", "数控班组", 10),
        ]

        static let instructors: [(name: String, org: String, skills: [String])] = [
            ("王建国", "潍坊职业学院", ["cnc.lathe", "cnc.mill"]), ("李娜", "潍坊职业学院", ["plc", "robot.industrial"]),
            ("张伟", "潍坊职业学院", ["welding.manual", "welding.robot"]), ("刘洋", "潍坊职业学院", ["cnc.5axis", "cnc.mill"]),
            ("陈静", "潍坊职业学院", ["printing.3d"]), ("杨帆", "潍坊市工业学校", ["cnc.lathe"]),
            ("赵磊", "潍坊市工业学校", ["welding.manual"]), ("黄敏", "潍坊市工业学校", ["plc"]),
            ("周强", "潍坊理工学院", ["cnc.5axis", "robot.industrial"]), ("吴婷", "潍坊理工学院", ["printing.3d", "plc"]),
            ("徐刚", "潍海动力装备集团", ["welding.robot", "pilot.line"]), ("孙丽", "潍海动力装备集团", ["cnc.5axis", "pilot.line"]),
            ("马超", "潍海动力装备集团", ["welding.robot"]), ("朱红", "鲁信精密机械集团", ["cnc.mill", "cnc.lathe"]),
            ("胡斌", "鲁信精密机械集团", ["pilot.line"]), ("郭峰", "鲁信精密机械集团", ["plc", "robot.industrial"]),
            ("何佳", "潍坊职业学院", ["robot.industrial"]), ("高翔", "潍坊市工业学校", ["cnc.mill"]),
            ("林涛", "潍坊理工学院", ["welding.robot"]), ("罗欣", "潍坊职业学院", ["cnc.lathe", "plc"]),
        ]
    }
}
