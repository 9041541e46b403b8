import { cipherFor, type Deps } from '../../deps.js'
import { mayReadReportText } from '../../domain/access/need-to-know.js'
import { type AdvisoryContent, type ContentProblem, checkContent } from '../../domain/advisory/content.js'
import { defaultOwnPrefix, ownIdOf } from '../../domain/advisory/identifiers.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import {
  appendAdvisoryRevision,
  insertAdvisory,
  linkAdvisoryReport,
  nextAdvisoryNumber,
} from '../../storage/repositories/advisory-repository.js'
import { findReportStateByRef } from '../../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { advisoryRules } from '../advisory-rules.js'
import type { Viewer } from '../change-advisory.js'

export type CreateAdvisoryError = { code: 'NOT_FOUND' } | { code: 'ADVISORY_CONTENT_INVALID'; problems: ContentProblem[] }

/**
 * Drafts a new advisory for a report the member may read, with its own id allocated race-free
 * (`ACME-ADV-2026-0001`, or the policy's `advisories.idPrefix`), the report linked, and the first
 * revision recorded — one unit of work.
 */
export async function createAdvisory(
  deps: Deps,
  org: OrganizationRow,
  reportRef: string,
  title: string,
  viewer: Viewer,
): Promise<Result<{ ownId: string }, CreateAdvisoryError>> {
  const report = await findReportStateByRef(deps.db, org.id, reportRef)
  if (!report || !mayReadReportText(viewer, report, report.sharedWith)) return fail({ code: 'NOT_FOUND' })
  const checked = checkContent({
    title,
    summary: '',
    description: '',
    workarounds: '',
    affected: [],
    cwes: '',
    cvss31: '',
    cvss40: '',
    qualitative: '',
    references: [],
    credits: [],
    cve: '',
  })
  if (!checked.ok) return fail({ code: 'ADVISORY_CONTENT_INVALID', problems: checked.error })
  const content: AdvisoryContent = checked.value
  const rules = await advisoryRules(deps.db, org.id)
  const prefix = rules.idPrefix ?? defaultOwnPrefix(org.ref_prefix)
  const ownId = await runUnit(deps, org, async (u) => {
    const year = Number(u.at.slice(0, 4))
    const own = ownIdOf(prefix, year, await nextAdvisoryNumber(u.tx, org.id, 'own', year))
    const id = newId()
    const actor = { kind: 'user', id: viewer.userId } as const
    await insertAdvisory(u.tx, cipherFor(deps, org), {
      id,
      orgId: org.id,
      ownId: own,
      state: 'draft',
      revision: 1,
      content,
      gcve: null,
      submittedBy: null,
      approvedBy: null,
      scheduledFor: null,
      publishedAt: null,
      withdrawnAt: null,
      withdrawnReason: null,
      createdBy: viewer.userId,
      createdAt: u.at,
      updatedAt: u.at,
    })
    await linkAdvisoryReport(u.tx, org.id, id, report.id, u.at)
    await appendAdvisoryRevision(u.tx, u.cipher, org.id, {
      advisoryId: id,
      action: 'created',
      actor,
      state: 'draft',
      revision: 1,
      changed: [],
      content,
      at: u.at,
    })
    u.record(
      newEvent('advisory.created', actor, u.at, null, { advisoryId: id, ownId: own }),
      newEvent('advisory.linked', actor, u.at, report.id, { advisoryId: id, ownId: own }),
    )
    return own
  })
  return ok({ ownId })
}
