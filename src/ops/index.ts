/** Front door of operations: health, readiness and metrics routes; backup and restore for the CLI. */
export { opsRoutes } from './routes.js'
export { BackupError, backupDatabase, masterKeySource, restoreDatabase } from './use-cases/backup-database.js'
