extension CBCTTInstance {
    /// Reads an instance from the text of a `.ctt` file (the ITC-2007 track 3 format).
    ///
    /// The text is a header of `Key: value` lines (`Name`, `Courses`, `Rooms`, `Days`, `Periods_per_day`,
    /// `Curricula`, `Constraints`), then the sections `COURSES:` (`name teacher lectures minWorkingDays students`),
    /// `ROOMS:` (`name capacity`), `CURRICULA:` (`name size course…`) and `UNAVAILABILITY_CONSTRAINTS:`
    /// (`course day period`, both 0-based), in that order, then `END.`. Fields are separated by runs of spaces
    /// or tabs, blank lines are skipped, and LF, CRLF and CR line ends are all accepted.
    ///
    /// - Parameter text: The whole `.ctt` file.
    /// - Throws: ``CBCTTFormatError`` with the line number for a missing or unknown header field, a section whose
    ///   number of lines differs from the header's count, a line with the wrong fields, a name declared twice,
    ///   an undeclared course, or a day or period out of range.
    public init(parsing text: String) throws(CBCTTFormatError) {
        var reader = CBCTTTextReader(text)
        let header = try reader.readHeader(keys: Self.headerKeys)
        let days = try Self.count(header[3], named: "number of days", upTo: Horizon.maximumDays)
        let periodsPerDay = try Self.count(
            header[4], named: "number of periods per day", upTo: Horizon.maximumSlotsPerDay)

        let courseLines = try reader.readSection("COURSES:", declaredBy: header[1], noun: "courses")
        let courses = try courseLines.map { line throws(CBCTTFormatError) in
            try Self.course(from: line, days: days, periodsPerDay: periodsPerDay)
        }
        let courseIndex = try Self.indexByName(courseLines, noun: "course")

        let roomLines = try reader.readSection("ROOMS:", declaredBy: header[2], noun: "rooms")
        let rooms = try roomLines.map(Self.room(from:))
        try Self.indexByName(roomLines, noun: "room")

        let curriculumLines = try reader.readSection("CURRICULA:", declaredBy: header[5], noun: "curricula")
        let curricula = try curriculumLines.map { line throws(CBCTTFormatError) in
            try Self.curriculum(from: line, courseIndex: courseIndex)
        }
        try Self.indexByName(curriculumLines, noun: "curriculum")

        let constraintLines = try reader.readSection(
            "UNAVAILABILITY_CONSTRAINTS:",
            declaredBy: header[6],
            noun: "constraints"
        )
        let unavailabilities = try constraintLines.map { line throws(CBCTTFormatError) in
            try Self.unavailability(from: line, courseIndex: courseIndex, days: days, periodsPerDay: periodsPerDay)
        }
        try reader.readEnd()

        self.init(
            name: String(header[0].fields[1]),
            days: days,
            periodsPerDay: periodsPerDay,
            courses: courses,
            rooms: rooms,
            curricula: curricula,
            unavailabilities: unavailabilities
        )
    }

    /// The header fields, in the order ``init(parsing:)`` reads them by position.
    private static let headerKeys = ["Name", "Courses", "Rooms", "Days", "Periods_per_day", "Curricula", "Constraints"]

    /// A header count in `1...limit` (larger ones are no timetable Praxis can plan).
    private static func count(
        _ line: CBCTTTextLine, named name: String, upTo limit: Int
    ) throws(CBCTTFormatError) -> Int {
        let value = try line.integer(at: 1, named: name)
        guard (1...limit).contains(value) else { throw line.error("the \(name) (\(value)) is outside 1...\(limit)") }
        return value
    }

    /// The position of each name given in the first field of `lines`.
    ///
    /// - Throws: ``CBCTTFormatError`` when a name is declared twice.
    @discardableResult
    private static func indexByName(
        _ lines: [CBCTTTextLine],
        noun: String
    ) throws(CBCTTFormatError) -> [Substring: Int] {
        var index: [Substring: Int] = [:]
        for (position, line) in lines.enumerated() {
            let name = line.fields[0]
            if let first = index[name] {
                throw line.error("\(noun) '\(name)' is declared twice (first on line \(lines[first].number))")
            }
            index[name] = position
        }
        return index
    }

    /// A course line: at most one lecture per period of the instance, at most as many working days
    /// as it has, and no more students than a problem may seat.
    private static func course(
        from line: CBCTTTextLine, days: Int, periodsPerDay: Int
    ) throws(CBCTTFormatError) -> Course {
        try line.requireFields(5, layout: "name teacher lectures minWorkingDays students")
        let name = line.fields[0]
        return Course(
            name: String(name),
            teacher: String(line.fields[1]),
            lectures: try line.index(
                at: 2, named: "number of lectures of course '\(name)'", below: days * periodsPerDay + 1),
            minWorkingDays: try line.index(at: 3, named: "minimum working days of course '\(name)'", below: days + 1),
            students: try line.index(
                at: 4, named: "number of students of course '\(name)'", below: Problem.maximumCount + 1)
        )
    }

    private static func room(from line: CBCTTTextLine) throws(CBCTTFormatError) -> Room {
        try line.requireFields(2, layout: "name capacity")
        let name = line.fields[0]
        return Room(
            name: String(name),
            capacity: try line.index(at: 1, named: "capacity of room '\(name)'", below: Problem.maximumCount + 1))
    }

    private static func curriculum(
        from line: CBCTTTextLine,
        courseIndex: [Substring: Int]
    ) throws(CBCTTFormatError) -> Curriculum {
        guard line.fields.count >= 2 else {
            throw line.error("expected 'name size course…' but found '\(line.text)'")
        }
        let name = line.fields[0]
        let size = try line.integer(at: 1, named: "number of courses of curriculum '\(name)'")
        guard line.fields.count - 2 == size else {
            throw line.error("curriculum '\(name)' declares \(size) courses but lists \(line.fields.count - 2)")
        }
        var members: [Int] = []
        for courseName in line.fields.dropFirst(2) {
            guard let course = courseIndex[courseName] else {
                throw line.error("course '\(courseName)' in curriculum '\(name)' is not declared")
            }
            guard !members.contains(course) else {
                throw line.error("course '\(courseName)' is listed twice in curriculum '\(name)'")
            }
            members.append(course)
        }
        return Curriculum(name: String(name), courses: members)
    }

    private static func unavailability(
        from line: CBCTTTextLine,
        courseIndex: [Substring: Int],
        days: Int,
        periodsPerDay: Int
    ) throws(CBCTTFormatError) -> Unavailability {
        try line.requireFields(3, layout: "course day period")
        guard let course = courseIndex[line.fields[0]] else {
            throw line.error("course '\(line.fields[0])' in an unavailability constraint is not declared")
        }
        return Unavailability(
            course: course,
            day: try line.index(at: 1, named: "day", below: days),
            period: try line.index(at: 2, named: "period", below: periodsPerDay)
        )
    }
}
