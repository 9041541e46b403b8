/** One stage of a case as its form and its exports show it: the clock, the fields with their values, the export data. */
import type { Deps } from '../deps.js'
import type { CraKind, CraStage } from '../domain/regulation/cra-clocks.js'
import { craStageExport, stageValues } from '../domain/regulation/cra-forms.js'
import { fail, ok, type Result } from '../domain/result.js'
import type { OrganizationRow } from '../storage/schema.js'
import type { CaseError } from './change-case.js'
import { type CraContext, craSources, loadCraContext, type Viewer } from './load-case.js'

export interface StageView {
  ctx: CraContext
  kind: CraKind
  stage: CraStage
  exported: ReturnType<typeof craStageExport>
}

export async function loadStage(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  viewer: Viewer,
  stage: CraStage,
): Promise<Result<StageView, CaseError>> {
  const now = deps.now().toISOString()
  const ctx = await loadCraContext(deps, org, ref, viewer, now)
  if (!ctx) return fail({ code: 'NOT_FOUND' })
  if (!ctx.readable) return fail({ code: 'NEED_TO_KNOW' })
  const c = ctx.craCase
  const clock = ctx.clocks.find((k) => k.stage === stage)
  if (!c || !clock) return fail({ code: 'CRA_NOT_MARKED' })
  const { sources } = await craSources(deps, ctx)
  const values = stageValues(c.kind, stage, c.drafts[stage], sources)
  const exported = craStageExport({
    kind: c.kind,
    stage,
    ref: ctx.report.ref,
    manufacturer: { name: ctx.policy?.organization.name ?? org.name, memberState: ctx.settings?.memberState, csirt: ctx.settings?.csirt },
    awareAt: c.awareAt,
    measureAt: c.measureAt,
    clock,
    values,
    generatedAt: now,
  })
  return ok({ ctx, kind: c.kind, stage, exported })
}
