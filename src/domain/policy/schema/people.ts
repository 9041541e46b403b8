/** What reporters get (recognition, safe harbor, privacy) and what is asked of them (rules, identity). */
import { Type } from '@sinclair/typebox'
import { DateTime, LanguageTag, List, oneOf, policyLimits, strictObject, Text, TextList, Url } from './kit.js'

export const rewardConditions = ['first-reporter', 'non-trivial', 'own-products-only', 'by-severity'] as const

export const Reward = strictObject({
  kind: oneOf(['recognition', 't-shirt', 'services', 'money', 'swag', 'other'] as const),
  description: Text(),
  conditions: Type.Optional(List(oneOf(rewardConditions), { maxItems: rewardConditions.length })),
  onRequest: Type.Optional(Type.Boolean()),
  /** Bounty amounts of a `money` reward by severity, in one currency (ISO 4217), e.g. { currency: EUR, high: 500 }. */
  amounts: Type.Optional(
    strictObject({
      currency: Type.String({ pattern: '^[A-Z]{3}$', maxLength: 3, description: 'ISO 4217 code, e.g. EUR' }),
      low: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
      medium: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
      high: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
      critical: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000 })),
    }),
  ),
})

export const Recognition = strictObject({
  hallOfFame: Type.Optional(strictObject({ enabled: Type.Boolean(), url: Type.Optional(Url()), onRequest: Type.Optional(Type.Boolean()) })),
  creditInAdvisory: Type.Optional(oneOf(['unless-declined', 'on-request', 'never'] as const)),
  bounty: Type.Optional(Type.Boolean()),
  rewards: Type.Optional(List(Reward, { maxItems: policyLimits.shortList })),
})

export const ResearcherRules = strictObject({
  do: Type.Optional(TextList()),
  dont: Type.Optional(TextList()),
  whenToReport: Type.Optional(TextList()),
  whenNotToReport: Type.Optional(TextList()),
})

export const SafeHarbor = strictObject({
  statement: Text(),
  conditions: Type.Optional(TextList()),
  exclusions: Type.Optional(TextList()),
})

export const ReporterIdentity = strictObject({
  asked: Type.Optional(TextList('e.g. "name", "affiliation or company"')),
  anonymousAllowed: Type.Optional(Type.Boolean()),
  pseudonymAllowed: Type.Optional(Type.Boolean()),
  requestedContent: Type.Optional(TextList("What every report should contain, in the policy's words")),
})

export const SecurityTxt = strictObject({
  expires: Type.Optional(DateTime('Default: one year after rendering, minus a day')),
  canonical: Type.Optional(List(Url(), { maxItems: policyLimits.shortList })),
  policy: Type.Optional(Url()),
  hiring: Type.Optional(Url()),
  acknowledgments: Type.Optional(Url()),
  encryption: Type.Optional(Url()),
  preferredLanguages: Type.Optional(List(LanguageTag(), { minItems: 1, maxItems: policyLimits.shortList })),
})
