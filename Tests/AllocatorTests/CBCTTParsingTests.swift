import Allocator
import Testing

@Suite("CB-CTT .ctt and .sol parsing")
struct CBCTTParsingTests {
    /// One row of the instance table in `shared/benchmarks/cbctt/SOURCES.md`.
    struct Counts: Sendable, CustomTestStringConvertible {
        var file: String
        var name: String
        var courses: Int
        var lectures: Int
        var rooms: Int
        var days: Int
        var periodsPerDay: Int
        var curricula: Int
        var constraints: Int

        var testDescription: String { file }

        init(
            _ file: String,
            _ name: String,
            _ courses: Int,
            _ lectures: Int,
            _ rooms: Int,
            _ days: Int,
            _ periodsPerDay: Int,
            _ curricula: Int,
            _ constraints: Int
        ) {
            self.file = file
            self.name = name
            self.courses = courses
            self.lectures = lectures
            self.rooms = rooms
            self.days = days
            self.periodsPerDay = periodsPerDay
            self.curricula = curricula
            self.constraints = constraints
        }
    }

    /// file, name, courses, lectures, rooms, days, periods per day, curricula, constraints.
    static let sourcesTable: [Counts] = [
        Counts("comp01", "Fis0506-1", 30, 160, 6, 5, 6, 14, 53),
        Counts("comp02", "Ing0203-2", 82, 283, 16, 5, 5, 70, 513),
        Counts("comp03", "Ing0304-1", 72, 251, 16, 5, 5, 68, 382),
        Counts("comp04", "Ing0405-3", 79, 286, 18, 5, 5, 57, 396),
        Counts("comp05", "Let0405-1", 54, 152, 9, 6, 6, 139, 771),
        Counts("comp06", "Ing0506-1", 108, 361, 18, 5, 5, 70, 632),
        Counts("comp07", "Ing0607-2", 131, 434, 20, 5, 5, 77, 667),
        Counts("comp08", "Ing0607-3", 86, 324, 18, 5, 5, 61, 478),
        Counts("comp09", "Ing0304-3", 76, 279, 18, 5, 5, 75, 405),
        Counts("comp10", "Ing0405-2", 115, 370, 18, 5, 5, 67, 694),
        Counts("comp11", "Fis0506-2", 30, 162, 5, 5, 9, 13, 94),
        Counts("comp12", "Let0506-2", 88, 218, 11, 6, 6, 150, 1368),
        Counts("comp13", "Ing0506-3", 82, 308, 19, 5, 5, 66, 468),
        Counts("comp14", "Ing0708-1", 85, 275, 17, 5, 5, 60, 486),
        Counts("comp15", "Ing0203-1", 72, 251, 16, 5, 5, 68, 382),
        Counts("comp16", "Ing0607-1", 108, 366, 20, 5, 5, 71, 518),
        Counts("comp17", "Ing0405-1", 99, 339, 17, 5, 5, 70, 548),
        Counts("comp18", "Let0304-1", 47, 138, 9, 6, 6, 52, 594),
        Counts("comp19", "Ing0203-3", 74, 277, 16, 5, 5, 66, 475),
        Counts("comp20", "Ing0506-2", 121, 390, 19, 5, 5, 78, 691),
        Counts("comp21", "Ing0304-2", 94, 327, 18, 5, 5, 78, 463),
        Counts("toy", "ToyExample", 4, 16, 2, 5, 4, 2, 8),
    ]

    @Test("every benchmark instance parses with the counts given in SOURCES.md", arguments: sourcesTable)
    func benchmarkInstanceCounts(_ expected: Counts) throws {
        let instance = try CBCTTBenchmarkFolder.instance(expected.file)
        #expect(instance.name == expected.name)
        #expect(instance.courses.count == expected.courses)
        #expect(instance.courses.reduce(0) { $0 + $1.lectures } == expected.lectures)
        #expect(instance.rooms.count == expected.rooms)
        #expect(instance.days == expected.days)
        #expect(instance.periodsPerDay == expected.periodsPerDay)
        #expect(instance.curricula.count == expected.curricula)
        #expect(instance.unavailabilities.count == expected.constraints)
    }

    /// A small instance written for these tests; the comments give the line numbers errors refer to.
    static let mini = """
        Name: Mini
        Courses: 2
        Rooms: 1
        Days: 2
        Periods_per_day: 2
        Curricula: 1
        Constraints: 1

        COURSES:
        alg t1 2 2 20
        geo t2 1 1 10

        ROOMS:
        R1 30

        CURRICULA:
        Q1 2 alg geo

        UNAVAILABILITY_CONSTRAINTS:
        geo 1 0

        END.

        """
    // Lines: 1 Name, 2 Courses, 3 Rooms, 4 Days, 5 Periods_per_day, 6 Curricula, 7 Constraints, 9 COURSES:,
    // 10 alg, 11 geo, 13 ROOMS:, 14 R1, 16 CURRICULA:, 17 Q1, 19 UNAVAILABILITY_CONSTRAINTS:, 20 geo 1 0, 22 END.

    @Test("every field of an instance is read into dense indices")
    func miniFields() throws {
        let instance = try CBCTTInstance(parsing: Self.mini)
        let expected = CBCTTInstance(
            name: "Mini",
            days: 2,
            periodsPerDay: 2,
            courses: [
                .init(name: "alg", teacher: "t1", lectures: 2, minWorkingDays: 2, students: 20),
                .init(name: "geo", teacher: "t2", lectures: 1, minWorkingDays: 1, students: 10),
            ],
            rooms: [.init(name: "R1", capacity: 30)],
            curricula: [.init(name: "Q1", courses: [0, 1])],
            unavailabilities: [.init(course: 1, day: 1, period: 0)]
        )
        #expect(instance == expected)
    }

    @Test("CRLF and CR line ends, tabs and runs of spaces read the same as LF and single spaces")
    func whitespaceVariants() throws {
        let plain = try CBCTTInstance(parsing: Self.mini)
        let crlf = Self.mini.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r\n")
        let cr = Self.mini.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\r")
        let spaced = Self.mini.split(separator: " ", omittingEmptySubsequences: false).joined(separator: " \t  ")
        #expect(try CBCTTInstance(parsing: crlf) == plain)
        #expect(try CBCTTInstance(parsing: cr) == plain)
        #expect(try CBCTTInstance(parsing: spaced) == plain)
    }

    @Test("the toy instance keeps its unavailabilities written with runs of spaces")
    func toyUnavailabilities() throws {
        let toy = try CBCTTBenchmarkFolder.instance("toy")
        let arcTec = try #require(toy.courses.firstIndex { $0.name == "ArcTec" })
        let arcTecPeriods = toy.unavailabilities.filter { $0.course == arcTec }.map { [$0.day, $0.period] }
        #expect(arcTecPeriods == [[4, 0], [4, 1], [4, 2], [4, 3]])
    }

    /// A change to ``mini`` and the error it must produce.
    struct Malformed: Sendable, CustomTestStringConvertible {
        var replace: String
        var with: String
        var error: CBCTTFormatError

        var testDescription: String { error.description }
    }

    static let malformed: [Malformed] = [
        Malformed(
            replace: "alg t1 2 2 20",
            with: "alg t1 5 2 20",
            error: .init(line: 10, message: "the number of lectures of course 'alg' (5) is outside 0...4")
        ),
        Malformed(
            replace: "Q1 2 alg geo",
            with: "Q1 9223372036854775807 alg geo",
            error: .init(line: 17, message: "curriculum 'Q1' declares 9223372036854775807 courses but lists 2")
        ),
        Malformed(
            replace: "Days: 2",
            with: "Days: 99999",
            error: .init(line: 4, message: "the number of days (99999) is outside 1...3700")
        ),
        Malformed(
            replace: "Q1 2 alg geo",
            with: "Q1 2 alg his",
            error: .init(line: 17, message: "course 'his' in curriculum 'Q1' is not declared")
        ),
        Malformed(
            replace: "Courses: 2",
            with: "Courses: 3",
            error: .init(line: 9, message: "section 'COURSES:' lists 2 courses but the header (line 2) declares 3")
        ),
        Malformed(
            replace: "Constraints: 1",
            with: "Constraints: 0",
            error: .init(
                line: 19,
                message: "section 'UNAVAILABILITY_CONSTRAINTS:' lists 1 constraints but the header (line 7) declares 0"
            )
        ),
        Malformed(
            replace: "alg t1 2 2 20",
            with: "alg t1 two 2 20",
            error: .init(
                line: 10,
                message: "the number of lectures of course 'alg' ('two') must be a non-negative integer"
            )
        ),
        Malformed(
            replace: "R1 30",
            with: "R1 30 big",
            error: .init(line: 14, message: "expected 2 fields 'name capacity' but found 3: 'R1 30 big'")
        ),
        Malformed(
            replace: "geo t2 1 1 10",
            with: "alg t2 1 1 10",
            error: .init(line: 11, message: "course 'alg' is declared twice (first on line 10)")
        ),
        Malformed(
            replace: "Q1 2 alg geo",
            with: "Q1 3 alg geo",
            error: .init(line: 17, message: "curriculum 'Q1' declares 3 courses but lists 2")
        ),
        Malformed(
            replace: "geo 1 0",
            with: "geo 2 0",
            error: .init(line: 20, message: "the day (2) is outside 0...1")
        ),
        Malformed(
            replace: "Periods_per_day: 2",
            with: "Periods_per_day: 0",
            error: .init(line: 5, message: "the number of periods per day (0) is outside 1...1440")
        ),
        Malformed(
            replace: "Days: 2",
            with: "Weeks: 2",
            error: .init(
                line: 4,
                message: "unknown header field 'Weeks:'; expected one of 'Name:', 'Courses:', 'Rooms:', 'Days:', "
                    + "'Periods_per_day:', 'Curricula:', 'Constraints:'"
            )
        ),
        Malformed(
            replace: "Constraints: 1\n",
            with: "",
            error: .init(line: 8, message: "the header has no 'Constraints:' line")
        ),
        Malformed(
            replace: "ROOMS:",
            with: "ROOMZ:",
            error: .init(line: 13, message: "expected the section 'ROOMS:' but found 'ROOMZ:'")
        ),
        Malformed(
            replace: "END.\n",
            with: "",
            error: .init(line: 20, message: "the file does not end with 'END.'")
        ),
        Malformed(
            replace: "END.\n",
            with: "END.\nextra\n",
            error: .init(line: 23, message: "unexpected text after 'END.': 'extra'")
        ),
    ]

    @Test("malformed instance text gives an error naming the line and the fault", arguments: malformed)
    func malformedInstance(_ example: Malformed) {
        let text = Self.mini.replacing(example.replace, with: example.with)
        #expect(text != Self.mini, "the replaced text must occur in the fixture")
        do {
            _ = try CBCTTInstance(parsing: text)
            Issue.record("expected \(example.error)")
        } catch {
            #expect(error == example.error)
        }
    }

    @Test("a timetable survives writing as .sol text and reading it back")
    func solRoundTrip() throws {
        let instance = try CBCTTInstance(parsing: Self.mini)
        let timetable = CBCTTTimetable(entries: [
            .init(course: 0, room: 0, day: 0, period: 1),
            .init(course: 0, room: 0, day: 1, period: 1),
            .init(course: 1, room: 0, day: 0, period: 0),
        ])
        let text = timetable.solText(instance: instance)
        #expect(text == "alg R1 0 1\nalg R1 1 1\ngeo R1 0 0\n")
        #expect(try CBCTTTimetable(parsing: text, instance: instance) == timetable)
    }

    @Test("a .sol text with CRLF line ends, tabs and blank lines reads every entry")
    func solWhitespace() throws {
        let instance = try CBCTTInstance(parsing: Self.mini)
        let timetable = try CBCTTTimetable(parsing: "\r\nalg R1 0 1\r\n\r\ngeo\tR1  1 1\r\n", instance: instance)
        #expect(
            timetable.entries == [
                .init(course: 0, room: 0, day: 0, period: 1), .init(course: 1, room: 0, day: 1, period: 1),
            ]
        )
    }

    static let malformedSol: [(text: String, error: CBCTTFormatError)] = [
        ("alg R1 0 0\nbio R1 0 1\n", .init(line: 2, message: "course 'bio' is not declared in instance 'Mini'")),
        ("alg R2 0 0\n", .init(line: 1, message: "room 'R2' is not declared in instance 'Mini'")),
        ("alg R1 0 2\n", .init(line: 1, message: "the period (2) is outside 0...1")),
        (
            "\n\nalg R1 0\n",
            .init(line: 3, message: "expected 4 fields 'course room day period' but found 3: 'alg R1 0'")
        ),
        ("alg R1 -1 0\n", .init(line: 1, message: "the day ('-1') must be a non-negative integer")),
    ]

    @Test("malformed .sol lines give an error naming the line and the fault", arguments: malformedSol)
    func malformedSolution(_ text: String, _ expected: CBCTTFormatError) throws {
        let instance = try CBCTTInstance(parsing: Self.mini)
        do {
            _ = try CBCTTTimetable(parsing: text, instance: instance)
            Issue.record("expected \(expected)")
        } catch {
            #expect(error == expected)
        }
    }
}
