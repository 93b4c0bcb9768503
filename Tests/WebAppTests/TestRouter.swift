import Database
import Door
import Hummingbird
import TestSupport
import WebApp

/// The production router on `database`, with the use cases built once as `praxis serve` builds
/// them (``Services``), readiness checking `migrator`'s migrations.
func buildRouter(
    database: Database, migrator: Migrator, security: SecurityConfiguration = SecurityConfiguration()
) -> Router<AppRequestContext> {
    var settings = security.services
    settings.bookingNow = TestClock.term
    return WebApp.buildRouter(
        services: Services(database: database, migrations: migrator.migrations, settings: settings),
        security: security)
}
