import type { Deps } from '../../deps.js'
import { type ContentInput, type ContentProblem, checkContent } from '../../domain/advisory/content.js'
import { loadCweCatalogue } from '../../domain/advisory/cwe.js'
import { changedFields } from '../../domain/advisory/revision-text.js'
import { type AdvisoryError, edit, statusOf } from '../../domain/advisory/workflow.js'
import { newEvent } from '../../domain/events.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { scoreCvss31, scoreCvss40 } from '../../domain/severity/cvss-score.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { advisoryRules } from '../advisory-rules.js'
import { changeAdvisory, type Viewer } from '../change-advisory.js'
import { cveRecordDue } from '../cve-record-due.js'

export type EditAdvisoryError = AdvisoryError | { code: 'NOT_FOUND' } | { code: 'ADVISORY_CONTENT_INVALID'; problems: ContentProblem[] }

/**
 * Saves what the team wrote. Before publication the advisory becomes (or stays) a draft — a
 * review, approval or schedule of other words is void; after publication the change is a new
 * published revision. A save that changes nothing writes nothing.
 */
export async function editAdvisory(
  deps: Deps,
  org: OrganizationRow,
  ownId: string,
  input: ContentInput,
  viewer: Viewer,
): Promise<Result<StoredAdvisory, EditAdvisoryError>> {
  const { scoring } = await advisoryRules(deps.db, org.id)
  const checked = checkContent(input, {
    qualitativeOnly: scoring === 'qualitative',
    canonicalVector: (version, vector) => {
      const scored = version === '3.1' ? scoreCvss31(vector) : scoreCvss40(vector)
      return scored.ok ? scored.value.vector : undefined
    },
    cwes: await loadCweCatalogue(),
  })
  if (!checked.ok) return fail({ code: 'ADVISORY_CONTENT_INVALID', problems: checked.error })
  const content = checked.value
  const at = deps.now().toISOString()
  return changeAdvisory<EditAdvisoryError>(deps, org, ownId, viewer, (a) => {
    const changed = changedFields(a.content, content)
    const change = edit(statusOf(a), viewer.userId, at)
    if (!change.ok) return change
    const actor = { kind: 'user', id: viewer.userId } as const
    if (changed.includes('cve') && content.cve) {
      change.value.events.push(newEvent('advisory.identifier_set', actor, at, null, { advisoryId: a.id, kind: 'cve' }))
    }
    return ok({
      unchanged: changed.length === 0,
      outcome: { change: change.value, action: a.state === 'published' ? 'updated' : 'edited', actor, content },
      alsoWrite: async (u, after) => {
        await cveRecordDue(u, after)
        return ok(after)
      },
    })
  })
}
