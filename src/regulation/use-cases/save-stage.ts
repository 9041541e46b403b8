import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import type { CraStage } from '../../domain/regulation/cra-clocks.js'
import { craFieldMaxLength, craStageFields } from '../../domain/regulation/cra-forms.js'
import { fail, ok, type Result } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { type CaseError, changeCase, isParagraph } from '../change-case.js'
import type { Viewer } from '../load-case.js'

/**
 * Saves a stage's form as the team edited it (sealed in the case); only the fields the Act asks at
 * that stage are kept. A filed stage is kept as it was filed: its form no longer changes.
 */
export async function saveStage(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  stage: CraStage,
  input: Record<string, string | undefined>,
): Promise<Result<void, CaseError>> {
  return changeCase(deps, org, ref, viewer, (c, _clocks, _ctx, at) => {
    if (c.filings[stage]) return fail({ code: 'CRA_ALREADY_FILED' })
    const values: Record<string, string> = {}
    for (const spec of craStageFields[c.kind][stage]) {
      const value = (input[spec.key] ?? '').replace(/\r\n/g, '\n').trim()
      if (!isParagraph(value, craFieldMaxLength)) return fail({ code: 'CRA_FIELD_INVALID' })
      values[spec.key] = value
    }
    return ok({
      change: { drafts: { ...c.drafts, [stage]: values } },
      events: (caseId, reportId) => [newEvent('cra.stage_saved', { kind: 'user', id: viewer.userId }, at, reportId, { caseId, stage })],
    })
  })
}
