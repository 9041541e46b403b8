/**
 * What the report page's reply form offers: the built-in templates under the report's policy,
 * then the team's own, and — when the member asked for one with "Insert" (`?template=<id>`) —
 * that template filled in for the report. Reading only: inserting changes nothing until the
 * member sends the reply as usual.
 */
import { cipherFor, type Deps } from '../deps.js'
import type { Policy } from '../domain/policy/schema.js'
import { builtinTemplates, isBuiltinId } from '../domain/reply-template/builtin.js'
import { fillTemplate, type Placeholder } from '../domain/reply-template/placeholders.js'
import type { ReplyTemplate } from '../domain/reply-template/template.js'
import { placeholderValues, type ReportFacts } from '../domain/reply-template/values.js'
import { findReplyTemplate, listReplyTemplateNames } from '../storage/repositories/reply-template-repository.js'
import type { OrganizationRow } from '../storage/schema.js'

export interface ReplyTemplateChoice {
  builtin: Array<{ id: string; name: string }>
  own: Array<{ id: string; name: string }>
  /** The template inserted, filled in for the report. */
  chosen?: {
    id: string
    name: string
    text: string
    /** Placeholders the report has no value for (no such clock under its policy): left as written. */
    unfilled: Placeholder[]
    /** Inserting it ticks "detailed response"; `expectedResolution` is the date to put in the form (YYYY-MM-DD). */
    detailed: boolean
    expectedResolution?: string | undefined
  }
  /** The id asked for names no template of this organization. */
  missing?: boolean
}

/** One template by id: a built-in one under `policy`, or the organization's own (never another organization's). */
export async function findTemplate(
  deps: Deps,
  org: OrganizationRow,
  policy: Policy | undefined,
  id: string,
): Promise<ReplyTemplate | undefined> {
  if (isBuiltinId(id)) return builtinTemplates(policy).find((b) => b.id === id)
  return findReplyTemplate(deps.db, cipherFor(deps, org), org.id, id)
}

export async function loadReplyTemplateChoice(
  deps: Deps,
  org: OrganizationRow,
  report: { policy: Policy | undefined; facts: ReportFacts },
  chosenId?: string | undefined,
): Promise<ReplyTemplateChoice> {
  const own = await listReplyTemplateNames(deps.db, org.id)
  const builtin = builtinTemplates(report.policy)
  const choice: ReplyTemplateChoice = { builtin: builtin.map((x) => ({ id: x.id, name: x.name })), own }
  if (!chosenId) return choice
  const template = await findTemplate(deps, org, report.policy, chosenId)
  if (!template) return { ...choice, missing: true }
  const values = placeholderValues(report.facts)
  const filled = fillTemplate(template.body, values)
  return {
    ...choice,
    chosen: {
      id: template.id,
      name: template.name,
      text: filled.text,
      unfilled: filled.unfilled,
      detailed: template.detailed,
      expectedResolution: values['resolution date'],
    },
  }
}
