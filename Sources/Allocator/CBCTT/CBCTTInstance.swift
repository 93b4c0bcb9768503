/// One instance of the curriculum-based course timetabling benchmark (CB-CTT, ITC-2007 track 3),
/// as read from a `.ctt` file.
///
/// Indices are dense: courses, rooms and curricula are referred to by their position in the arrays.
public struct CBCTTInstance: Sendable, Equatable {
    /// A course: `lectures` one-period lectures taught by `teacher` to `students` people,
    /// to be spread over at least `minWorkingDays` distinct days.
    public struct Course: Sendable, Equatable {
        public var name: String
        public var teacher: String
        public var lectures: Int
        public var minWorkingDays: Int
        public var students: Int

        public init(name: String, teacher: String, lectures: Int, minWorkingDays: Int, students: Int) {
            self.name = name
            self.teacher = teacher
            self.lectures = lectures
            self.minWorkingDays = minWorkingDays
            self.students = students
        }
    }

    /// A room with its seat count.
    public struct Room: Sendable, Equatable {
        public var name: String
        public var capacity: Int

        public init(name: String, capacity: Int) {
            self.name = name
            self.capacity = capacity
        }
    }

    /// A curriculum: courses whose lectures may not share a period and should be compact within a day.
    public struct Curriculum: Sendable, Equatable {
        public var name: String
        /// Indices into ``CBCTTInstance/courses``.
        public var courses: [Int]

        public init(name: String, courses: [Int]) {
            self.name = name
            self.courses = courses
        }
    }

    /// A period in which a course may not be taught.
    public struct Unavailability: Sendable, Equatable {
        /// Index into ``CBCTTInstance/courses``.
        public var course: Int
        public var day: Int
        public var period: Int

        public init(course: Int, day: Int, period: Int) {
            self.course = course
            self.day = day
            self.period = period
        }
    }

    public var name: String
    public var days: Int
    public var periodsPerDay: Int
    public var courses: [Course]
    public var rooms: [Room]
    public var curricula: [Curriculum]
    public var unavailabilities: [Unavailability]

    public init(
        name: String,
        days: Int,
        periodsPerDay: Int,
        courses: [Course],
        rooms: [Room],
        curricula: [Curriculum],
        unavailabilities: [Unavailability]
    ) {
        self.name = name
        self.days = days
        self.periodsPerDay = periodsPerDay
        self.courses = courses
        self.rooms = rooms
        self.curricula = curricula
        self.unavailabilities = unavailabilities
    }
}
