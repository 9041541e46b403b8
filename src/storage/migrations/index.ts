import type { Migration } from 'kysely'
import * as foundation from './2026-11-22T0700-foundation.js'
import * as mail from './2026-11-22T1000-mail.js'
import * as policy from './2026-11-22T1100-policy.js'
import * as mailMessageIds from './2026-12-02T0710-mail-message-ids.js'
import { type MigrationKeys, sealedNames } from './2026-12-02T0720-sealed-names.js'
import * as reportAccessReport from './2026-12-02T0730-report-access-report.js'
import * as programsFromPolicy from './2026-12-02T1110-programs-from-policy.js'
import * as reportCvss from './2026-12-02T1120-report-cvss.js'
import * as advisories from './2026-12-02T1130-advisories.js'
import * as credits from './2026-12-02T1150-credits.js'
import * as accounts from './2026-12-02T1160-accounts.js'
import * as mfa from './2026-12-02T1170-mfa.js'
import * as apiTokens from './2026-12-02T1180-api-tokens.js'
import * as sso from './2026-12-02T1190-sso.js'
import * as cveServices from './2026-12-02T1210-cve-services.js'
import * as announcements from './2026-12-02T1300-announcements.js'
import * as cveRecord from './2026-12-02T1300-cve-record.js'
import * as partners from './2026-12-02T1300-partners.js'
import * as craCases from './2026-12-02T1316-cra-cases.js'
import * as reportPublication from './2026-12-02T1340-report-publication.js'
import * as publicMerge from './2026-12-02T1350-public-merge.js'
import * as noticeAnnouncements from './2026-12-02T1351-notice-announcements.js'
import * as cveRecordReject from './2026-12-02T1352-cve-record-reject.js'
import * as notifications from './2026-12-02T1610-notifications.js'
import * as replyTemplates from './2026-12-02T1620-reply-templates.js'
import * as queueSearch from './2026-12-02T1630-queue-search.js'
import * as throttleFailure from './2026-12-02T1650-throttle-failure.js'
import * as requestWindow from './2026-12-02T2200-request-window.js'

export type { MigrationKeys } from './2026-12-02T0720-sealed-names.js'

/**
 * Every migration, by name, given what the ones that seal existing rows need (`keys.seal`; see
 * 2026-12-02T0720-sealed-names). Listed statically (not read from disk) so the same list works from
 * `src/` under tsx and vitest and from the built `dist/`. Names sort in the order they run.
 */
export function migrationsWith(keys: MigrationKeys): Record<string, Migration> {
  return {
    '2026-11-22T0700-foundation': foundation,
    '2026-11-22T1000-mail': mail,
    '2026-11-22T1100-policy': policy,
    '2026-12-02T0710-mail-message-ids': mailMessageIds,
    '2026-12-02T0720-sealed-names': sealedNames(keys),
    '2026-12-02T0730-report-access-report': reportAccessReport,
    '2026-12-02T1110-programs-from-policy': programsFromPolicy,
    '2026-12-02T1120-report-cvss': reportCvss,
    '2026-12-02T1130-advisories': advisories,
    '2026-12-02T1150-credits': credits,
    '2026-12-02T1160-accounts': accounts,
    '2026-12-02T1170-mfa': mfa,
    '2026-12-02T1180-api-tokens': apiTokens,
    '2026-12-02T1190-sso': sso,
    '2026-12-02T1210-cve-services': cveServices,
    '2026-12-02T1300-announcements': announcements,
    '2026-12-02T1300-cve-record': cveRecord,
    '2026-12-02T1300-partners': partners,
    '2026-12-02T1316-cra-cases': craCases,
    '2026-12-02T1340-report-publication': reportPublication,
    '2026-12-02T1350-public-merge': publicMerge,
    '2026-12-02T1351-notice-announcements': noticeAnnouncements,
    '2026-12-02T1352-cve-record-reject': cveRecordReject,
    '2026-12-02T1610-notifications': notifications,
    '2026-12-02T1620-reply-templates': replyTemplates,
    '2026-12-02T1630-queue-search': queueSearch,
    '2026-12-02T1650-throttle-failure': throttleFailure,
    '2026-12-02T2200-request-window': requestWindow,
  }
}

/** The list without a key: enough for an empty database (and for the names). */
export const migrations: Record<string, Migration> = migrationsWith({})
