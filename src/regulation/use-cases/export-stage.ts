import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import type { CraStage } from '../../domain/regulation/cra-clocks.js'
import { ok, type Result } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import type { CaseError } from '../change-case.js'
import type { Viewer } from '../load-case.js'
import { loadStage, type StageView } from '../load-stage.js'

/**
 * A stage ready to file, as JSON or as the printable page; the export is recorded in the audit
 * log (an access event: it moves no clock). It holds only the stage's fields, never the evidence.
 */
export async function exportStage(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  stage: CraStage,
  format: 'json' | 'print',
): Promise<Result<StageView, CaseError>> {
  const loaded = await loadStage(deps, org, ref, viewer, stage)
  if (!loaded.ok) return loaded
  const { ctx } = loaded.value
  const caseId = ctx.craCase?.id ?? ''
  await runUnit(deps, org, async (u) => {
    u.record(newEvent('cra.stage_exported', { kind: 'user', id: viewer.userId }, u.at, ctx.report.id, { caseId, stage, format }))
  })
  return ok(loaded.value)
}
