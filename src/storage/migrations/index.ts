import type { Migration } from 'kysely'
import * as foundation from './2026-11-22T0700-foundation.js'
import * as mail from './2026-11-22T1000-mail.js'
import * as policy from './2026-11-22T1100-policy.js'
import * as mailMessageIds from './2026-12-02T0710-mail-message-ids.js'
import * as reportAccessReport from './2026-12-02T0730-report-access-report.js'

/**
 * Every migration, by name. Listed statically (not read from disk) so the same list works from
 * `src/` under tsx and vitest and from the built `dist/`. Names sort in the order they run.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-22T0700-foundation': foundation,
  '2026-11-22T1000-mail': mail,
  '2026-11-22T1100-policy': policy,
  '2026-12-02T0710-mail-message-ids': mailMessageIds,
  '2026-12-02T0730-report-access-report': reportAccessReport,
}
