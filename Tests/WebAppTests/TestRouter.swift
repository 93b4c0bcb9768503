import Database
import Door
import Hummingbird
import WebApp

/// The production router on `database`, with the use cases built once as `praxis serve` builds
/// them (``Services``), readiness checking `migrator`'s migrations.
func buildRouter(
    database: Database, migrator: Migrator, security: SecurityConfiguration = SecurityConfiguration()
) -> Router<AppRequestContext> {
    WebApp.buildRouter(
        services: Services(database: database, migrations: migrator.migrations, settings: security.services),
        security: security)
}
