import Testing

/// The Access suites that use the database, one test at a time (the test run shares one
/// PostgreSQL server's connection limit).
@Suite("Access on the database", .serialized)
struct AccessDatabaseTests {}
