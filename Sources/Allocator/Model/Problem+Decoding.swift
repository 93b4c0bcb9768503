// Decoding with defaults, so that a problem file only spells out what differs from the defaults of each
// initializer (docs/problem-format.md). Encoding is the synthesized one and writes every field.

extension Problem {
    enum CodingKeys: String, CodingKey {
        case horizon, resources, instructors, cohorts, organizations, sessions, series, categoryPolicy, weights, pinned,
            previous, sharedCourses, quotas
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            horizon: try container.decode(Horizon.self, forKey: .horizon),
            resources: try container.decodeIfPresent([Resource].self, forKey: .resources) ?? [],
            instructors: try container.decodeIfPresent([Instructor].self, forKey: .instructors) ?? [],
            cohorts: try container.decodeIfPresent([Cohort].self, forKey: .cohorts) ?? [],
            organizations: try container.decodeIfPresent([String].self, forKey: .organizations) ?? [],
            sessions: try container.decodeIfPresent([Session].self, forKey: .sessions) ?? [],
            series: try container.decodeIfPresent([Series].self, forKey: .series) ?? [],
            categoryPolicy: try container.decodeIfPresent(CategoryPolicy.self, forKey: .categoryPolicy)
                ?? CategoryPolicy(),
            weights: try container.decodeIfPresent(SoftWeights.self, forKey: .weights) ?? SoftWeights(),
            pinned: try container.decodeIfPresent([Int: Assignment].self, forKey: .pinned) ?? [:],
            previous: try container.decodeIfPresent(Solution.self, forKey: .previous),
            sharedCourses: try container.decodeIfPresent([SharedCourse].self, forKey: .sharedCourses) ?? [],
            quotas: try container.decodeIfPresent([QuotaCap].self, forKey: .quotas) ?? []
        )
    }
}

extension Horizon {
    enum CodingKeys: String, CodingKey {
        case days, slotsPerDay, daysPerWeek
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            days: try container.decode(Int.self, forKey: .days),
            slotsPerDay: try container.decode(Int.self, forKey: .slotsPerDay),
            daysPerWeek: try container.decodeIfPresent(Int.self, forKey: .daysPerWeek) ?? 7
        )
    }
}

extension Session {
    enum CodingKeys: String, CodingKey {
        case name, duration, allowedStarts, participants, category, priority, organization, cohorts, resourceNeed,
            needsInstructor, requiredSkills, eligibleInstructors, secondInstructor, preferredStarts, preferredDays,
            series, durations, bufferBefore, bufferAfter, exclusiveHall
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            duration: try container.decode(Int.self, forKey: .duration),
            allowedStarts: try container.decodeIfPresent([Int].self, forKey: .allowedStarts),
            participants: try container.decodeIfPresent(Int.self, forKey: .participants) ?? 0,
            category: try container.decodeIfPresent(SessionCategory.self, forKey: .category) ?? .studentTraining,
            priority: try container.decodeIfPresent(Int.self, forKey: .priority) ?? 1,
            organization: try container.decodeIfPresent(Int.self, forKey: .organization) ?? 0,
            cohorts: try container.decodeIfPresent([Int].self, forKey: .cohorts) ?? [],
            resourceNeed: try container.decodeIfPresent(ResourceNeed.self, forKey: .resourceNeed) ?? ResourceNeed(),
            needsInstructor: try container.decodeIfPresent(Bool.self, forKey: .needsInstructor) ?? false,
            requiredSkills: try container.decodeIfPresent([String].self, forKey: .requiredSkills) ?? [],
            eligibleInstructors: try container.decodeIfPresent([Int].self, forKey: .eligibleInstructors),
            secondInstructor: try container.decodeIfPresent(SecondInstructorNeed.self, forKey: .secondInstructor),
            preferredStarts: try container.decodeIfPresent([Int].self, forKey: .preferredStarts) ?? [],
            preferredDays: try container.decodeIfPresent([Int].self, forKey: .preferredDays) ?? [],
            series: try container.decodeIfPresent(Int.self, forKey: .series),
            durations: try container.decodeIfPresent([Int].self, forKey: .durations),
            bufferBefore: try container.decodeIfPresent(Int.self, forKey: .bufferBefore) ?? 0,
            bufferAfter: try container.decodeIfPresent(Int.self, forKey: .bufferAfter) ?? 0,
            exclusiveHall: try container.decodeIfPresent(Bool.self, forKey: .exclusiveHall) ?? false
        )
    }
}

extension ResourceNeed {
    enum CodingKeys: String, CodingKey {
        case capabilities, units, minimumSeats, eligibleResources
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            capabilities: try container.decodeIfPresent([String].self, forKey: .capabilities) ?? [],
            units: try container.decodeIfPresent(Int.self, forKey: .units) ?? 1,
            minimumSeats: try container.decodeIfPresent(Int.self, forKey: .minimumSeats) ?? 0,
            eligibleResources: try container.decodeIfPresent([Int].self, forKey: .eligibleResources)
        )
    }
}

extension Resource {
    enum CodingKeys: String, CodingKey {
        case name, capacity, seats, capabilities, parent, unavailableSlots, changeover
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            capacity: try container.decodeIfPresent(Int.self, forKey: .capacity) ?? 1,
            seats: try container.decodeIfPresent(Int.self, forKey: .seats) ?? 0,
            capabilities: try container.decodeIfPresent([String].self, forKey: .capabilities) ?? [],
            parent: try container.decodeIfPresent(Int.self, forKey: .parent),
            unavailableSlots: try container.decodeIfPresent([Int].self, forKey: .unavailableSlots) ?? [],
            changeover: try container.decodeIfPresent(Changeover.self, forKey: .changeover)
        )
    }
}

extension Instructor {
    enum CodingKeys: String, CodingKey {
        case name, skills, weeklySlotCap, unavailableSlots
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            skills: try container.decodeIfPresent([String].self, forKey: .skills) ?? [],
            weeklySlotCap: try container.decodeIfPresent(Int.self, forKey: .weeklySlotCap),
            unavailableSlots: try container.decodeIfPresent([Int].self, forKey: .unavailableSlots) ?? []
        )
    }
}

extension Series {
    enum CodingKeys: String, CodingKey {
        case name, kind, sessions, minimumDays
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            kind: try container.decode(Kind.self, forKey: .kind),
            sessions: try container.decode([Int].self, forKey: .sessions),
            minimumDays: try container.decodeIfPresent(Int.self, forKey: .minimumDays) ?? 0
        )
    }
}

extension SoftWeights {
    enum CodingKeys: String, CodingKey {
        case preferredTime, seriesTimeStability, roomStability, minimumDays, categoryShare, organizationFairness
        case roomSize, isolatedSlot, leastChange
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func weight(_ key: CodingKeys) throws -> Int { try container.decodeIfPresent(Int.self, forKey: key) ?? 1 }
        self.init(
            preferredTime: try weight(.preferredTime),
            seriesTimeStability: try weight(.seriesTimeStability),
            roomStability: try weight(.roomStability),
            minimumDays: try weight(.minimumDays),
            categoryShare: try weight(.categoryShare),
            organizationFairness: try weight(.organizationFairness),
            roomSize: try weight(.roomSize),
            isolatedSlot: try weight(.isolatedSlot),
            leastChange: try weight(.leastChange)
        )
    }
}

extension SecondInstructorNeed {
    enum CodingKeys: String, CodingKey {
        case requiredSkills, eligibleInstructors
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            requiredSkills: try container.decodeIfPresent([String].self, forKey: .requiredSkills) ?? [],
            eligibleInstructors: try container.decodeIfPresent([Int].self, forKey: .eligibleInstructors)
        )
    }
}
