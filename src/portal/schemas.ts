import { type Static, Type } from '@sinclair/typebox'
import { Form } from '../http/form-body.js'

/**
 * A follow-up link's token in the path. Only bounded here: a token of the wrong shape is answered
 * "not a link" by the handler (isWellFormedToken), the same page as an unknown one.
 */
export const TokenParams = Type.Object({ token: Type.String({ maxLength: 2048 }) })
export type TokenParams = Static<typeof TokenParams>

/** `?sent=1` after a reply was sent. */
export const FollowUpQuery = Type.Object({ sent: Type.Optional(Type.String({ maxLength: 8 })) })
export type FollowUpQuery = Static<typeof FollowUpQuery>

/**
 * The reporter's reply. The schema bound is the outer limit of a form (code points, four times the
 * use case's limit); the use case names a reply that is too long on the page.
 */
export const ReplyForm = Form({ body: Form.text(200_000) })
export type ReplyForm = Static<typeof ReplyForm>
