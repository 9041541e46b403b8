import { type Static, Type } from '@sinclair/typebox'
import { creditPreferences, submissionLimits } from '../domain/report/submission.js'
import { Form } from '../http/form-body.js'

/** The JSON API's report submission: the same fields and limits as the web form. */
export const SubmitReportBody = Type.Object(
  {
    title: Type.String({ maxLength: submissionLimits.title, description: 'One line the team sees in the queue' }),
    program: Type.Optional(
      Type.String({ maxLength: 64, description: "The program's slug (from the policy); required when the policy lists programs" }),
    ),
    programFields: Type.Optional(
      Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: submissionLimits.programField['long-text'] }), {
        maxProperties: submissionLimits.programFields,
        description: "Answers to the program's own questions, by field key (the policy's programs[].fields)",
      }),
    ),
    description: Type.String({ maxLength: submissionLimits.description, description: 'Markdown' }),
    steps: Type.Optional(Type.String({ maxLength: submissionLimits.steps })),
    impact: Type.Optional(Type.String({ maxLength: submissionLimits.impact })),
    affectedVersion: Type.Optional(Type.String({ maxLength: submissionLimits.affectedVersion })),
    reporterName: Type.Optional(Type.String({ maxLength: submissionLimits.reporterName })),
    reporterEmail: Type.Optional(Type.String({ maxLength: submissionLimits.reporterEmail })),
    reporterPublicKey: Type.Optional(
      Type.String({
        maxLength: submissionLimits.reporterPublicKey,
        description: 'Armored OpenPGP public key (one key, able to encrypt); replies by e-mail are then encrypted to it',
      }),
    ),
    creditPreference: Type.Optional(Type.Union(creditPreferences.map((c) => Type.Literal(c)))),
  },
  { additionalProperties: false },
)
export type SubmitReportBody = Static<typeof SubmitReportBody>

export const OrgParams = Type.Object({ org: Type.String({ maxLength: 64 }) })
export type OrgParams = Static<typeof OrgParams>

/**
 * The web report form. Limits are the outer bound of what the form can send (a field over its
 * limit is still named by the use case's validation: the route validates with `attachValidation`,
 * so a too-long field is answered on the form, with every other problem, not with a bare 400).
 */
const BaseReportForm = Form({
  title: Form.text(submissionLimits.title),
  program: Form.text(64),
  description: Form.text(submissionLimits.description),
  steps: Form.text(submissionLimits.steps),
  impact: Form.text(submissionLimits.impact),
  affectedVersion: Form.text(submissionLimits.affectedVersion),
  reporterName: Form.text(submissionLimits.reporterName),
  reporterEmail: Form.text(submissionLimits.reporterEmail),
  reporterPublicKey: Form.text(submissionLimits.reporterPublicKey),
  creditPreference: Form.text(32),
  /** The bot trap's clock (see form-timing.ts) and its hidden field. */
  _served: Form.text(128),
  contact_website: Form.text(2048),
})
/** A program's own questions arrive as `field.<key>` (the policy's field keys are slugs). */
export const programFieldName = /^field\.[a-z0-9]+(?:-[a-z0-9]+)*$/
export const ReportForm = Type.Object(BaseReportForm.properties, {
  additionalProperties: false,
  patternProperties: { [programFieldName.source]: Type.String({ maxLength: submissionLimits.programField['long-text'] }) },
  maxProperties: Object.keys(BaseReportForm.properties).length + submissionLimits.programFields,
})
export type ReportForm = Static<typeof BaseReportForm> & Record<`field.${string}`, string | undefined>

/** The form's `field.<key>` answers, as the API's `programFields` object. */
export function programFieldsOf(body: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(body)) if (programFieldName.test(name) && typeof value === 'string') out[name.slice(6)] = value
  return out
}

export const ReportFormQuery = Type.Object({ program: Type.Optional(Type.String({ maxLength: 64 })) }, { additionalProperties: false })
export type ReportFormQuery = Static<typeof ReportFormQuery>
