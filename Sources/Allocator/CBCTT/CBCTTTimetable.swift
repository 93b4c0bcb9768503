/// A timetable for a ``CBCTTInstance``: one entry per scheduled lecture, as in a `.sol` file.
///
/// Entries are kept as given, so a timetable may be incomplete or break hard constraints;
/// ``CBCTTEvaluator`` counts what is wrong with it.
public struct CBCTTTimetable: Sendable, Equatable {
    /// One lecture of a course, held in a room at a period of a day.
    public struct Entry: Sendable, Equatable {
        /// Index into ``CBCTTInstance/courses``.
        public var course: Int
        /// Index into ``CBCTTInstance/rooms``.
        public var room: Int
        /// 0-based day.
        public var day: Int
        /// 0-based period within the day.
        public var period: Int

        /// Creates an entry from dense indices.
        public init(course: Int, room: Int, day: Int, period: Int) {
            self.course = course
            self.room = room
            self.day = day
            self.period = period
        }
    }

    /// The scheduled lectures, in no particular order.
    public var entries: [Entry]

    /// Creates a timetable from its entries.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    /// Reads a timetable from the text of a `.sol` file: one `course room day period` line per lecture, with
    /// course and room names and a 0-based day and period.
    ///
    /// Blank lines are skipped; entries repeating a course and period are kept (``CBCTTEvaluator`` reports them).
    ///
    /// - Parameters:
    ///   - text: The whole `.sol` file.
    ///   - instance: The instance the timetable is for; names are looked up in it.
    /// - Throws: ``CBCTTFormatError`` for a line without four fields, a course or room the instance does not
    ///   declare, or a day or period out of the instance's range.
    public init(parsing text: String, instance: CBCTTInstance) throws(CBCTTFormatError) {
        let courseIndex = Self.indexByName(instance.courses.map(\.name))
        let roomIndex = Self.indexByName(instance.rooms.map(\.name))
        var entries: [Entry] = []
        for line in CBCTTTextLine.lines(of: text) {
            try line.requireFields(4, layout: "course room day period")
            guard let course = courseIndex[String(line.fields[0])] else {
                throw line.error("course '\(line.fields[0])' is not declared in instance '\(instance.name)'")
            }
            guard let room = roomIndex[String(line.fields[1])] else {
                throw line.error("room '\(line.fields[1])' is not declared in instance '\(instance.name)'")
            }
            entries.append(
                Entry(
                    course: course,
                    room: room,
                    day: try line.index(at: 2, named: "day", below: instance.days),
                    period: try line.index(at: 3, named: "period", below: instance.periodsPerDay)
                )
            )
        }
        self.init(entries: entries)
    }

    /// The timetable as the text of a `.sol` file: one `course room day period` line per entry, in entry order.
    ///
    /// - Parameter instance: The instance whose course and room names the entries' indices refer to.
    /// - Returns: The lines, each ending in a newline.
    public func solText(instance: CBCTTInstance) -> String {
        var text = ""
        for entry in entries {
            let course = instance.courses[entry.course].name
            let room = instance.rooms[entry.room].name
            text += "\(course) \(room) \(entry.day) \(entry.period)\n"
        }
        return text
    }

    /// The position of each name; the first wins if a name repeats.
    private static func indexByName(_ names: [String]) -> [String: Int] {
        Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
