// Moves change one or more sessions' assignments. Each move expands into a list of changes
// (session, new assignment or nil); the score director applies a list atomically:
//
//   for each change: remember the old assignment; retract the session
//   for each change: insert the new assignment (if any)
//   undo = the same with the remembered assignments, the tables counted back without working out
//          penalties, then the totals from before the move restored
//
// Kempe chain (no reference implementation; ours):
//   A = placed sessions starting at t1 (the moved session's start), B = those starting at t2
//   (same duration); chain = {s}; repeat: add every session of the other side that shares a cohort or
//   instructor with a chain member (refuse the move as soon as one joining is pinned or may not take the other
//   start); then A∩chain moves to t2 and B∩chain to t1.
//   Swapping whole conflict components keeps cohort and instructor conflicts between the two times unchanged.
//   Rooms: a member keeps its resource when it is still free at its new time (after the other side has left
//   and earlier members arrived), else takes the free candidate resource with the least room-size and
//   room-stability penalty, else keeps its own (without nested resources only).
//
// Ejection (a chain of two): s takes (t, r); the session starting at t on r moves to a random start on r, so
//   that a resource most sessions want can change hands in one step.
//
// Evicting assignment (an ejection step, so that over-constrained sessions still get in):
//   place s at (t, r); unplace every other placed session overlapping [t, t + duration) that shares a cohort
//   or one of the instructors with s, or uses r when r holds a single unit; refuse if one of them is pinned.

/// A change to a solution, as the local search proposes it.
public enum Move: Sendable, Hashable {
    /// Give a session a new start, keeping its resource and instructor.
    case changeTime(session: Int, start: Int)
    /// Give a session a new resource, keeping its start and instructor.
    case changeResource(session: Int, resource: Int)
    /// Give a session a new instructor.
    case changeInstructor(session: Int, instructor: Int)
    /// Give a session a new second instructor (双师).
    case changeSecondInstructor(session: Int, instructor: Int)
    /// Exchange the starts and resources of two sessions of equal duration.
    case swap(Int, Int)
    /// Move a session to `start` and its conflict component between the two starts the other way.
    case kempeChain(session: Int, start: Int)
    /// Shift every placed session of a series by `shift` slots, optionally onto one `resource`.
    case moveSeries(series: Int, shift: Int, resource: Int?)
    /// Place a session (placed or not) at an assignment.
    case assign(session: Int, to: Assignment)
    /// Place a session, unplacing the movable sessions that would clash with it there (an overlapping slot
    /// with a common cohort or instructor, first or second, or on the same single-unit resource).
    case assignEvicting(session: Int, to: Assignment)
    /// Leave a session unplaced.
    case unassign(session: Int)
    /// Place a session, and give the `occupant` (placed) the assignment `elsewhere`: an ejection chain of two.
    case eject(session: Int, to: Assignment, occupant: Int, elsewhere: Assignment)
    /// Unplace a session and the others of one of its cohorts on its day, and place them again best-first,
    /// with the random choices drawn from `seed` (RuinAndRecreate.swift).
    case ruinAndRecreate(session: Int, seed: UInt64)
}

/// One session's new assignment inside a move; `nil` unplaces it.
struct Change {
    var session: Int
    var assignment: Assignment?
}
