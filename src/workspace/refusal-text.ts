import { type AppErrorCode, problemTitle } from '../http/problems.js'
import { cvssMetricLabel } from '../http/views/components/index.js'
import type { MessageKey, Translator } from '../i18n/messages.js'

/** A use case's refusal: a code of the problem catalogue, with the facts some of them name. */
export type Refusal = { code: AppErrorCode; missing?: string[] }

/** What the report page says of a refusal: the localized text where the refusal names something, else the catalogue's title. */
export function refusalText(t: Translator, e: Refusal): string {
  const missing = e.missing ?? []
  switch (e.code) {
    case 'STEPS_BEFORE_PUBLISHING':
      return t('publish.blocked', { missing: missing.join(', ') })
    case 'STEPS_REQUIRED_BEFORE':
      return t('step.requiredBefore', { missing: missing.join(', ') })
    case 'DETAILED_REPLY_INCOMPLETE':
      return t('reply.detailedIncomplete', { missing: missing.map((flag) => t(`reply.content.${flag}` as MessageKey)).join('; ') })
    case 'STEP_OUT_OF_ORDER':
      return t('step.outOfOrder', { missing: missing.join(', ') })
    case 'STEP_UNKNOWN':
      return t('step.unknown')
    case 'STEP_ALREADY':
      return t('step.already')
    case 'STEP_NOT_OPTIONAL':
      return t('step.notOptional')
    case 'CVSS_INVALID_VECTOR': {
      const [version, metric, reason] = missing
      if ((version !== '3.1' && version !== '4.0') || !metric) return problemTitle(t, e.code)
      const why = reason === 'missing-base-metric' || reason === 'invalid-value' ? reason : 'other'
      return t('severity.cvss.invalid', { version, metric: cvssMetricLabel(t, version, metric), reason: t(`severity.cvss.reason.${why}`) })
    }
    default:
      return problemTitle(t, e.code)
  }
}
