import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import {
  checkReplyTemplate,
  type ReplyTemplate,
  type ReplyTemplateInput,
  type ReplyTemplateProblem,
} from '../../domain/reply-template/template.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { updateReplyTemplate } from '../../storage/repositories/reply-template-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** Rewrites one of the organization's templates (checked as when created); `reply-template.changed` recorded. */
export async function changeReplyTemplate(
  deps: Deps,
  org: OrganizationRow,
  id: string,
  input: ReplyTemplateInput,
  actorId: string,
): Promise<Result<ReplyTemplate, ReplyTemplateProblem | { code: 'NOT_FOUND' }>> {
  const checked = checkReplyTemplate(input)
  if (!checked.ok) return fail(checked.error)
  const template: ReplyTemplate = { id, ...checked.value }
  return runUnit(deps, org, async (u) => {
    if (!(await updateReplyTemplate(u.tx, u.cipher, org.id, template, u.at))) return fail({ code: 'NOT_FOUND' as const })
    u.record(newEvent('reply-template.changed', { kind: 'user', id: actorId }, u.at, null, { templateId: id, detailed: template.detailed }))
    return ok(template)
  })
}
