import type { Deps } from '../../deps.js'
import type { Reader } from '../../domain/access/need-to-know.js'
import { isEvent } from '../../domain/events.js'
import type { ReportError } from '../../domain/report/errors.js'
import type { Transition } from '../../domain/report/report.js'
import { reply } from '../../domain/report/workflow.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { reportClocks } from '../../storage/report-clocks.js'
import { insertMessage } from '../../storage/repositories/message-repository.js'
import { findReportStateByRef } from '../../storage/repositories/report-repository.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { actOnReport, type NeedToKnowRefusal } from '../act-on-report.js'
import { type DetailedReply, detailedContentFlags } from '../report-policy.js'

export type PostMessageError =
  | ReportError
  | { code: 'NOT_FOUND' }
  | NeedToKnowRefusal
  | { code: 'PAYLOAD_TOO_LARGE' }
  /** A detailed response lacks something the policy promises; `missing` names the content flags. */
  | { code: 'DETAILED_REPLY_INCOMPLETE'; missing: string[] }

/** What the reply form says of a detailed response: the content boxes ticked and the expected resolution date. */
export interface DetailedReplyInput {
  ticked: readonly string[]
  expectedResolution: string
}

export interface NewMessage {
  /** The team member writing (need to know: only those who may read the report may). */
  member: Reader
  body: string
  visibility: 'reporter' | 'internal'
  /** Present when the responder marks the reply as the policy's detailed response. */
  detailed?: DetailedReplyInput | undefined
}

export const messageMaxLength = 50_000

/**
 * A reply to the reporter or an internal note; the message and its event commit together. A
 * detailed response must carry what the policy promises (e.g. an evaluation and an expected
 * resolution date); its event carries `data.detailed` and the content flags (clock rules).
 */
export async function postMessage(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  m: NewMessage,
): Promise<Result<Transition, PostMessageError>> {
  if (m.body.length > messageMaxLength) return fail({ code: 'PAYLOAD_TOO_LARGE' })
  let detail: DetailedReply | undefined
  if (m.visibility === 'reporter' && m.detailed) {
    const checked = await checkDetailedReply(deps, org, ref, m.detailed)
    if (!checked.ok) return fail({ code: 'DETAILED_REPLY_INCOMPLETE', missing: checked.error })
    detail = checked.value
  }
  return actOnReport<PostMessageError>(deps, org, ref, { actor: m.member }, (r) => {
    const at = deps.now().toISOString()
    const t = reply(r, { actor: { kind: 'user', id: m.member.userId }, at, body: m.body, visibility: m.visibility })
    const transition: typeof t =
      t.ok && detail
        ? ok({ ...t.value, events: t.value.events.map((e) => (isEvent(e, 'reply.sent') ? { ...e, data: { ...e.data, ...detail } } : e)) })
        : t
    return {
      transition,
      write: (u, stored) =>
        insertMessage(u.tx, u.cipher, org.id, {
          id: newId(),
          reportId: stored.id,
          authorKind: 'responder',
          authorUserId: m.member.userId,
          visibility: m.visibility,
          body: m.body,
          createdAt: at,
        }),
    }
  })
}

/** The detailed response as the policy asks for it, or the content flags it lacks. */
async function checkDetailedReply(
  deps: Deps,
  org: OrganizationRow,
  ref: string,
  input: DetailedReplyInput,
): Promise<Result<DetailedReply, string[]>> {
  const report = await findReportStateByRef(deps.db, org.id, ref)
  const found = report ? await reportClocks(deps.db, org.id, report.id, deps.now().toISOString()) : undefined
  const required = found?.policy.responses?.detailed ?? []
  const detail: DetailedReply = { detailed: true }
  const date = input.expectedResolution.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(date))) detail.expectedResolution = date
  for (const flag of detailedContentFlags) {
    if (flag === 'expected-resolution-date' ? detail.expectedResolution !== undefined : input.ticked.includes(flag)) detail[flag] = true
  }
  const missing = required.filter((flag) => detail[flag] !== true)
  return missing.length > 0 ? fail(missing) : ok(detail)
}
