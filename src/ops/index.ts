/** Front door of operations: health, readiness and metrics routes; backup and restore for the CLI. */
export { opsRoutes, opsRoutesWith } from './routes.js'
export { BackupError, backupDatabase, masterKeySource, restoreDatabase } from './use-cases/backup-database.js'
export type { ProcessChecks } from './use-cases/check-readiness.js'
