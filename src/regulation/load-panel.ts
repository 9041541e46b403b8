/** What the team's report page shows of a report's CRA case; nothing for an organization that is no manufacturer and has no case. */
import type { Deps } from '../deps.js'
import type { CraClock, CraKind } from '../domain/regulation/cra-clocks.js'
import type { OrganizationRow } from '../storage/schema.js'
import { loadCraContext, type Viewer } from './load-case.js'

export interface CraPanelView {
  kind: CraKind | undefined
  clocks: CraClock[]
  /** The organization's zone (its policy's calendar), the clocks' deadlines are shown in. */
  timeZone: string
}

export async function loadCraPanel(deps: Deps, org: OrganizationRow, ref: string, viewer: Viewer): Promise<CraPanelView | undefined> {
  const ctx = await loadCraContext(deps, org, ref, viewer, deps.now().toISOString())
  if (!ctx?.readable) return undefined
  if (!ctx.craCase && !ctx.settings?.manufacturer) return undefined
  return { kind: ctx.craCase?.kind, clocks: ctx.clocks, timeZone: ctx.timeZone }
}
