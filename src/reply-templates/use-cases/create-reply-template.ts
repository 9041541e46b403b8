import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import {
  checkReplyTemplate,
  type ReplyTemplate,
  type ReplyTemplateInput,
  type ReplyTemplateProblem,
} from '../../domain/reply-template/template.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { insertReplyTemplate } from '../../storage/repositories/reply-template-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'

/** A team's new reply template: checked (name, body, known placeholders only), its body sealed, `reply-template.created` recorded. */
export async function createReplyTemplate(
  deps: Deps,
  org: OrganizationRow,
  input: ReplyTemplateInput,
  actorId: string,
): Promise<Result<ReplyTemplate, ReplyTemplateProblem>> {
  const checked = checkReplyTemplate(input)
  if (!checked.ok) return fail(checked.error)
  const template: ReplyTemplate = { id: newId(), ...checked.value }
  return runUnit(deps, org, async (u) => {
    await insertReplyTemplate(u.tx, u.cipher, org.id, template, actorId, u.at)
    u.record(
      newEvent('reply-template.created', { kind: 'user', id: actorId }, u.at, null, {
        templateId: template.id,
        detailed: template.detailed,
      }),
    )
    return ok(template)
  })
}
