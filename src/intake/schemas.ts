import { type Static, Type } from '@sinclair/typebox'
import { creditPreferences, submissionLimits } from '../domain/report/submission.js'

/** The JSON API's report submission: the same fields and limits as the web form. */
export const SubmitReportBody = Type.Object(
  {
    title: Type.String({ maxLength: submissionLimits.title, description: 'One line the team sees in the queue' }),
    programId: Type.Optional(Type.String({ maxLength: 64, description: 'Required when the organization lists programs' })),
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
