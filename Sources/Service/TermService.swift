public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// A center's terms: its managers create, replace and delete them; everyone who may read the
/// center reads them and turns teaching weeks into dates.
public struct TermService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let terms = TermRepository()
    let audit = AuditLog()

    public init(database: Database) {
        self.database = database
    }

    /// Creates a term of the center.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.invalid` naming
    ///   the field (`firstDay` `overlap` when another term of the center shares a day with it).
    public func create(_ input: NewTerm, in centerId: UUID, as caller: Principal) async throws -> Term {
        let (centers, terms, audit) = (centers, terms, audit)
        return try await Self.mappingOverlap {
            try await database.withTransaction { connection in
                guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
                    throw ServiceError.notFound(entity: "center")
                }
                try Policy(caller).authorize(.change, .center(centerId), entity: "center")
                let term = try Self.validated(input)
                let created = try terms.insert(term, centerId: centerId, on: connection)
                try audit.record(
                    caller.actor, action: "create", entity: "term", id: created.id.uuidString, before: nil,
                    after: created, on: connection)
                return created
            }
        }
    }

    /// The center's terms, earliest first.
    /// - Throws: `.notFound` for an unknown center or one the caller may not read.
    public func terms(of centerId: UUID, as caller: Principal) async throws -> [Term] {
        let (centers, terms) = (centers, terms)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try terms.list(centerId: centerId, on: connection)
        }
    }

    /// One term.
    /// - Throws: `.notFound` for an unknown term or one of a center the caller may not read.
    public func term(_ id: UUID, as caller: Principal) async throws -> Term {
        let terms = terms
        return try await database.withConnection { connection in
            guard let term = try terms.find(id: id, on: connection) else { throw ServiceError.notFound(entity: "term") }
            try Policy(caller).authorize(.read, .center(term.centerId), entity: "term")
            return term
        }
    }

    /// Replaces a term at the version the caller read. A term that requests name keeps its first
    /// day and may not lose weeks (their teaching weeks would move or vanish); its name and weeks
    /// off may change.
    /// - Throws: `.notFound`, `.forbidden`, `.invalid`, `.staleVersion`, `.conflict` for a used term.
    public func replace(_ id: UUID, with input: NewTerm, version: Int, as caller: Principal) async throws -> Term {
        let (terms, audit) = (terms, audit)
        return try await Self.mappingOverlap {
            try await database.withTransaction { connection in
                let current = try Self.locked(id, by: caller, terms: terms, on: connection)
                let term = try Self.validated(input)
                guard current.version == version else { throw ServiceError.staleVersion(current: current.version) }
                if term.firstDay != current.firstDay || term.weeks < current.weeks,
                    try terms.requestCount(termId: id, on: connection) > 0
                {
                    throw ServiceError.conflict(
                        "Requests name weeks of \(current.name): its first day stays \(current.firstDay) "
                            + "and it keeps at least \(current.weeks) weeks.", rule: "termInUse")
                }
                let replaced = try terms.update(id, to: term, on: connection)
                try audit.record(
                    caller.actor, action: "update", entity: "term", id: id.uuidString, before: current,
                    after: replaced, on: connection)
                return replaced
            }
        }
    }

    /// Deletes a term no request names, at the version the caller read.
    /// - Throws: `.notFound`, `.forbidden`, `.staleVersion`, `.conflict` while requests name it.
    public func delete(_ id: UUID, version: Int, as caller: Principal) async throws {
        let (terms, audit) = (terms, audit)
        try await database.withTransaction { connection in
            let current = try Self.locked(id, by: caller, terms: terms, on: connection)
            guard current.version == version else { throw ServiceError.staleVersion(current: current.version) }
            let used = try terms.requestCount(termId: id, on: connection)
            guard used == 0 else {
                throw ServiceError.conflict(
                    "\(used) request(s) name \(current.name); it cannot be deleted.", rule: "termInUse")
            }
            try terms.delete(id, on: connection)
            try audit.record(
                caller.actor, action: "delete", entity: "term", id: id.uuidString, before: current,
                after: nil as Term?, on: connection)
        }
    }

    /// Locks a term for a change by one of its center's managers.
    private static func locked(
        _ id: UUID, by caller: Principal, terms: TermRepository, on connection: Connection
    ) throws -> Term {
        guard let term = try terms.find(id: id, lock: .forUpdate, on: connection) else {
            throw ServiceError.notFound(entity: "term")
        }
        try Policy(caller).authorize(.change, .center(term.centerId), entity: "term")
        return term
    }

    private static func validated(_ input: NewTerm) throws -> NewTerm {
        do throws(DomainError) { return try input.validated() } catch { throw ServiceError.invalid(error) }
    }

    /// Runs `body`, answering a term overlapping another of its center as 422 on `firstDay`.
    private static func mappingOverlap<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as DatabaseError where error.sqlState == .exclusionViolation {
            throw ServiceError.invalid(
                DomainError(
                    field: "firstDay", rule: "overlap", message: "The term shares days with another term of the center."
                ))
        }
    }
}
