/// The cost of one CB-CTT timetable, constraint by constraint, as counted by ``CBCTTEvaluator``.
///
/// Hard counts are violations; a timetable is feasible when ``hard`` is 0. Soft counts are raw (students, days,
/// lectures, rooms); the `…Cost` properties apply the UD2 weights, and ``soft`` is their sum, the figure the
/// ITC-2007 rankings and the published best-known values use.
public struct CBCTTEvaluation: Sendable, Equatable {
    /// Lectures: for each course, how far its number of scheduled lectures is from the required number
    /// (missing and extra lectures both count).
    public var lectures: Int
    /// Conflicts: for each pair of courses sharing a curriculum or a teacher, the periods in which both have a
    /// lecture.
    public var conflicts: Int
    /// RoomOccupancy: for each room and period, the lectures held there beyond the first.
    public var roomOccupancy: Int
    /// Availability: lectures scheduled in a period their course is unavailable.
    public var availability: Int
    /// Entries that name no course, room, day or period of the instance, or repeat a course in a period it
    /// already has; they are left out of every other count, like the official validator's skipped entries.
    public var skippedEntries: Int

    /// RoomCapacity: for each lecture, the students above the room's capacity.
    public var studentsOverCapacity: Int
    /// MinWorkingDays: for each course, the days short of its minimum number of working days.
    public var missingWorkingDays: Int
    /// CurriculumCompactness: for each curriculum, its lectures with no lecture of the same curriculum in an
    /// adjacent period of the same day.
    public var isolatedLectures: Int
    /// RoomStability: for each course, the distinct rooms it uses beyond the first.
    public var extraRooms: Int

    /// Creates an evaluation from its counts; the soft ones are unweighted.
    public init(
        lectures: Int = 0,
        conflicts: Int = 0,
        roomOccupancy: Int = 0,
        availability: Int = 0,
        skippedEntries: Int = 0,
        studentsOverCapacity: Int = 0,
        missingWorkingDays: Int = 0,
        isolatedLectures: Int = 0,
        extraRooms: Int = 0
    ) {
        self.lectures = lectures
        self.conflicts = conflicts
        self.roomOccupancy = roomOccupancy
        self.availability = availability
        self.skippedEntries = skippedEntries
        self.studentsOverCapacity = studentsOverCapacity
        self.missingWorkingDays = missingWorkingDays
        self.isolatedLectures = isolatedLectures
        self.extraRooms = extraRooms
    }

    /// UD2 weight of one student over capacity.
    public static let roomCapacityWeight = 1
    /// UD2 weight of one missing working day.
    public static let minWorkingDaysWeight = 5
    /// UD2 weight of one isolated lecture.
    public static let curriculumCompactnessWeight = 2
    /// UD2 weight of one extra room.
    public static let roomStabilityWeight = 1

    /// RoomCapacity cost: ``studentsOverCapacity`` × 1.
    public var roomCapacityCost: Int { studentsOverCapacity * Self.roomCapacityWeight }
    /// MinWorkingDays cost: ``missingWorkingDays`` × 5.
    public var minWorkingDaysCost: Int { missingWorkingDays * Self.minWorkingDaysWeight }
    /// CurriculumCompactness cost: ``isolatedLectures`` × 2.
    public var curriculumCompactnessCost: Int { isolatedLectures * Self.curriculumCompactnessWeight }
    /// RoomStability cost: ``extraRooms`` × 1.
    public var roomStabilityCost: Int { extraRooms * Self.roomStabilityWeight }

    /// The number of hard-constraint violations, skipped entries included.
    public var hard: Int { lectures + conflicts + roomOccupancy + availability + skippedEntries }
    /// The UD2 soft cost: the sum of the four weighted soft costs.
    public var soft: Int { roomCapacityCost + minWorkingDaysCost + curriculumCompactnessCost + roomStabilityCost }
    /// Whether no hard constraint is violated.
    public var isFeasible: Bool { hard == 0 }
}
