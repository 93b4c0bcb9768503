extension Move {
    /// Writes the changes this move makes into `changes` (cleared first).
    /// - Returns: `false` when the move is not possible in the current solution (a session would leave its
    ///   domain, a pinned session would move, or the move changes nothing).
    func expand(into changes: inout [Change], _ calculator: ScoreCalculator, _ kempe: inout KempeChain) -> Bool {
        changes.removeAll(keepingCapacity: true)
        let facts = calculator.facts
        switch self {
        case .changeTime(let session, let start):
            guard var assignment = calculator.assignment(of: session), assignment.start != start,
                facts.startAllowed(session, start)
            else { return false }
            assignment.start = start
            changes.append(Change(session: session, assignment: assignment))
        case .changeResource(let session, let resource):
            guard var assignment = calculator.assignment(of: session), assignment.resource != resource,
                facts.resourceAllowed[session * facts.resourceCount + resource]
            else { return false }
            assignment.resource = resource
            changes.append(Change(session: session, assignment: assignment))
        case .changeInstructor(let session, let instructor):
            guard var assignment = calculator.assignment(of: session), assignment.instructor != instructor,
                facts.instructorAllowed[session * facts.instructorCount + instructor]
            else { return false }
            assignment.instructor = instructor
            guard assignment.secondInstructor != instructor else { return false }
            changes.append(Change(session: session, assignment: assignment))
        case .changeSecondInstructor(let session, let instructor):
            guard var assignment = calculator.assignment(of: session), assignment.secondInstructor != nil,
                assignment.secondInstructor != instructor, assignment.instructor != instructor,
                facts.secondInstructorAllowed[session * facts.instructorCount + instructor]
            else { return false }
            assignment.secondInstructor = instructor
            changes.append(Change(session: session, assignment: assignment))
        case .swap(let one, let other):
            return expandSwap(one, other, into: &changes, calculator)
        case .kempeChain(let session, let start):
            return kempe.expand(session: session, to: start, into: &changes, calculator)
        case .moveSeries(let series, let shift, let resource):
            return expandSeries(series, shift, resource, into: &changes, calculator)
        case .assign(let session, let assignment):
            guard calculator.assignment(of: session) != assignment, facts.canPlace(session, assignment) else {
                return false
            }
            changes.append(Change(session: session, assignment: assignment))
        case .assignEvicting(let session, let assignment):
            guard calculator.assignment(of: session) != assignment, facts.canPlace(session, assignment) else {
                return false
            }
            changes.append(Change(session: session, assignment: assignment))
            return appendEvictions(session, assignment, into: &changes, calculator)
        case .unassign(let session):
            guard calculator.assignment(of: session) != nil else { return false }
            changes.append(Change(session: session, assignment: nil))
        case .eject(let session, let assignment, let occupant, let elsewhere):
            guard session != occupant, !facts.isPinned[occupant], calculator.assignment(of: occupant) != nil,
                calculator.assignment(of: session) != assignment, facts.canPlace(session, assignment),
                facts.canPlace(occupant, elsewhere)
            else { return false }
            changes.append(Change(session: session, assignment: assignment))
            changes.append(Change(session: occupant, assignment: elsewhere))
        case .ruinAndRecreate:
            return false  // its changes come from scoring places: ScoreDirector does it with RuinAndRecreate
        }
        return !facts.isPinned[changes[0].session]
    }

    private func expandSwap(
        _ one: Int, _ other: Int, into changes: inout [Change], _ calculator: ScoreCalculator
    )
        -> Bool
    {
        let facts = calculator.facts
        guard one != other, facts.duration[one] == facts.duration[other], !facts.isPinned[other],
            var first = calculator.assignment(of: one), var second = calculator.assignment(of: other),
            first.start != second.start || first.resource != second.resource
        else { return false }
        Swift.swap(&first.start, &second.start)
        Swift.swap(&first.resource, &second.resource)
        guard facts.canPlace(one, first), facts.canPlace(other, second) else { return false }
        changes.append(Change(session: one, assignment: first))
        changes.append(Change(session: other, assignment: second))
        return true
    }

    private func appendEvictions(
        _ session: Int,
        _ assignment: Assignment,
        into changes: inout [Change],
        _ calculator: ScoreCalculator
    ) -> Bool {
        let facts = calculator.facts
        let end = assignment.start + facts.duration(session, at: assignment.start)
        let singleUnit = facts.capacity[assignment.resource] == 1
        let teacher = Int32(assignment.instructor ?? -1)
        let second = Int32(assignment.secondInstructor ?? -1)
        for other in 0..<facts.sessionCount where other != session {
            let start = Int(calculator.start[other])
            guard start >= 0 && start < end && start + facts.duration(other, at: start) > assignment.start else {
                continue
            }
            let clash =
                (singleUnit && Int(calculator.resource[other]) == assignment.resource)
                || calculator.teaches(other, teacher) || calculator.teaches(other, second)
                || facts.cohortOverlap.contains(session, other)
            guard clash else { continue }
            if facts.isPinned[other] { return false }
            changes.append(Change(session: other, assignment: nil))
        }
        return !facts.isPinned[session]
    }

    private func expandSeries(
        _ series: Int,
        _ shift: Int,
        _ resource: Int?,
        into changes: inout [Change],
        _ calculator: ScoreCalculator
    ) -> Bool {
        let facts = calculator.facts
        for session in facts.seriesMembers[series] {
            guard var assignment = calculator.assignment(of: session) else { continue }
            guard !facts.isPinned[session] else { return false }
            assignment.start += shift
            if let resource { assignment.resource = resource }
            guard assignment.start >= 0 && assignment.start < facts.slotCount, facts.canPlace(session, assignment)
            else {
                return false
            }
            changes.append(Change(session: session, assignment: assignment))
        }
        return !changes.isEmpty && (shift != 0 || resource != nil)
    }
}

extension CompiledProblem {
    /// Whether an assignment lies inside a session's domain (allowed start, eligible resource and instructor).
    @inline(__always) func canPlace(_ session: Int, _ assignment: Assignment) -> Bool {
        guard assignment.start >= 0 && assignment.start < slotCount,
            assignment.resource >= 0 && assignment.resource < resourceCount,
            startAllowed(session, assignment.start),
            resourceAllowed[session * resourceCount + assignment.resource]
        else { return false }
        if let second = assignment.secondInstructor {
            guard needsSecondInstructor[session], second >= 0 && second < instructorCount,
                second != assignment.instructor, secondInstructorAllowed[session * instructorCount + second]
            else { return false }
        } else if needsSecondInstructor[session] {
            return false
        }
        if let instructor = assignment.instructor {
            return instructor >= 0 && instructor < instructorCount
                && instructorAllowed[session * instructorCount + instructor]
        }
        return !needsInstructor[session]
    }
}
