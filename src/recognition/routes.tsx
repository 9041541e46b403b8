import { type Static, Type } from '@sinclair/typebox'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Deps } from '../deps.js'
import { creditRoles } from '../domain/advisory/advisory.js'
import type { Result } from '../domain/result.js'
import { EmptyForm, Form } from '../http/form-body.js'
import { type AppErrorCode, HttpProblem } from '../http/problems.js'
import { memberOf } from '../http/request-context.js'
import { pageContext } from '../http/views/page-context.js'
import { loadHallOfFame } from './load-recognition.js'
import { addCredit } from './use-cases/add-credit.js'
import { answerCredit } from './use-cases/answer-credit.js'
import { markRewardSent } from './use-cases/mark-reward-sent.js'
import { proposeCredit } from './use-cases/propose-credit.js'
import { recordReward } from './use-cases/record-reward.js'
import { removeCredit } from './use-cases/remove-credit.js'
import { HallOfFamePage } from './views/hall-of-fame-page.js'

const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
type OrgParams = Static<typeof OrgParams>
const ReportParams = Type.Object({ org: Type.String({ maxLength: 64 }), ref: Type.String({ maxLength: 40 }) })
type ReportParams = Static<typeof ReportParams>
const ItemParams = Type.Object({
  org: Type.String({ maxLength: 64 }),
  ref: Type.String({ maxLength: 40 }),
  id: Type.String({ maxLength: 40, pattern: '^[0-9a-f-]+$' }),
})
type ItemParams = Static<typeof ItemParams>

/** Schema bounds are the outer limit (code points); the use case names a name that is too long. */
const CreditForm = Form({ name: Form.text(800), role: Form.choice(creditRoles) })
type CreditForm = Static<typeof CreditForm>
const RewardForm = Form({ reward: Form.text(4), amount: Form.text(16), currency: Form.text(8) })
type RewardForm = Static<typeof RewardForm>
const AnswerForm = Form({ answer: Form.choice(['accept', 'decline'] as const), name: Form.text(800) })
type AnswerForm = Static<typeof AnswerForm>

/**
 * Recognition: the team's credit lines and rewards on a report (forms on the report page), the
 * reporter's answer to the proposed credit line (on the follow-up page), and the public hall of fame.
 */
export async function recognitionRoutes(app: FastifyInstance, { deps }: { deps: Deps }) {
  const work = { access: 'report.work' } as const
  const viewer = (request: FastifyRequest) => memberOf(request)

  /** Back to the report's recognition panel, or the refusal from the problem catalogue. */
  const back = (
    request: FastifyRequest<{ Params: ReportParams }>,
    reply: FastifyReply,
    result: Result<unknown, { code: AppErrorCode }>,
  ) => {
    if (!result.ok) throw new HttpProblem(result.error.code)
    return reply.redirect(`/w/${request.params.org}/reports/${request.params.ref}#recognition`, 303)
  }

  app.post<{ Params: ReportParams; Body: CreditForm }>(
    '/w/:org/reports/:ref/credits/reporter',
    { config: work, schema: { params: ReportParams, body: CreditForm } },
    async (request, reply) => {
      const input = { name: request.body.name ?? '', role: request.body.role ?? 'finder' }
      return back(request, reply, await proposeCredit(deps, request.org!, request.params.ref, viewer(request), input))
    },
  )

  app.post<{ Params: ReportParams; Body: CreditForm }>(
    '/w/:org/reports/:ref/credits',
    { config: work, schema: { params: ReportParams, body: CreditForm } },
    async (request, reply) => {
      const input = { name: request.body.name ?? '', role: request.body.role ?? 'other' }
      return back(request, reply, await addCredit(deps, request.org!, request.params.ref, viewer(request), input))
    },
  )

  app.post<{ Params: ItemParams }>(
    '/w/:org/reports/:ref/credits/:id/remove',
    { config: work, schema: { params: ItemParams, body: EmptyForm } },
    async (request, reply) =>
      back(request, reply, await removeCredit(deps, request.org!, request.params.ref, viewer(request), request.params.id)),
  )

  app.post<{ Params: ReportParams; Body: RewardForm }>(
    '/w/:org/reports/:ref/rewards',
    { config: work, schema: { params: ReportParams, body: RewardForm } },
    async (request, reply) => {
      const input = { reward: request.body.reward ?? '', amount: request.body.amount ?? '', currency: request.body.currency ?? '' }
      return back(request, reply, await recordReward(deps, request.org!, request.params.ref, viewer(request), input))
    },
  )

  app.post<{ Params: ItemParams }>(
    '/w/:org/reports/:ref/rewards/:id/sent',
    { config: work, schema: { params: ItemParams, body: EmptyForm } },
    async (request, reply) =>
      back(request, reply, await markRewardSent(deps, request.org!, request.params.ref, viewer(request), request.params.id)),
  )

  app.post<{ Body: AnswerForm }>(
    '/follow-up/credit',
    { config: { access: 'reporter', rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { body: AnswerForm } },
    async (request, reply) => {
      const answer =
        request.body.answer === 'accept' ? { answer: 'accept' as const, name: request.body.name ?? '' } : { answer: 'decline' as const }
      const result = await answerCredit(deps, request.reportAccess!, answer)
      if (!result.ok) throw new HttpProblem(result.error.code)
      return reply.redirect('/follow-up#credit', 303)
    },
  )

  app.get<{ Params: OrgParams }>(
    '/o/:org/hall-of-fame',
    { config: { access: 'public' }, schema: { params: OrgParams } },
    async (request, reply) => {
      const hall = await loadHallOfFame(deps, request.params.org)
      if (!hall) throw new HttpProblem('NOT_FOUND')
      return reply.page(<HallOfFamePage ctx={pageContext(request, reply)} org={hall.org} years={hall.years} />)
    },
  )
}
