/**
 * The CVSS calculator, rendered on the server and working without JavaScript: one radio group per
 * metric of a CVSS version (FIRST's names), base metrics first, the optional groups folded in
 * `<details>`. It renders fields only: the caller wraps it in its form (with its CSRF token and
 * action), and reads the post with `vectorsFromForm` (src/domain/severity/cvss-form.ts).
 */

import { cvssFieldName } from '../../../domain/severity/cvss-form.js'
import type { CvssMetricGroup, CvssVersion } from '../../../domain/severity/cvss-metrics.js'
import { cvssMetricGroups } from '../../../domain/severity/cvss-metrics.js'
import type { SeverityLabel, ShownScore } from '../../../domain/severity/scoring.js'
import type { MessageKey, Translator } from '../../../i18n/messages.js'
import { RadioGroup } from './radio-group.js'

/** Which catalogue family names a metric's values ("N" is Network for AV, None for PR, No for AU…). */
function valueFamily(version: CvssVersion, metric: string): string {
  if (metric === 'AV' || metric === 'MAV') return 'vector'
  if (metric === 'AT' || metric === 'MAT') return 'requirements'
  if (metric === 'UI' || metric === 'MUI') return version === '3.1' ? 'ui31' : 'ui40'
  if (metric === 'S' || metric === 'MS') return version === '3.1' ? 'scope' : 'safety'
  if (metric === 'E') return version === '3.1' ? 'e31' : 'e40'
  const families: Record<string, string> = {
    RL: 'rl',
    RC: 'rc',
    AU: 'automatable',
    R: 'recovery',
    V: 'density',
    RE: 'effort',
    U: 'urgency',
  }
  return families[metric] ?? 'level'
}

export const cvssMetricLabel = (t: Translator, version: CvssVersion, metric: string): string =>
  t((metric === 'S' || metric === 'E' ? `cvss.metric.${metric}.${version}` : `cvss.metric.${metric}`) as MessageKey)

const valueLabel = (t: Translator, version: CvssVersion, metric: string, value: string): string =>
  value === 'X' ? t('cvss.value.X') : t(`cvss.value.${valueFamily(version, metric)}.${value}` as MessageKey)

function MetricGroup({
  t,
  version,
  group,
  values,
}: {
  t: Translator
  version: CvssVersion
  group: CvssMetricGroup
  values: Readonly<Record<string, string>>
}) {
  const radios = group.metrics.map((metric) => (
    <RadioGroup
      key={metric.key}
      name={cvssFieldName(version, metric.key)}
      legend={cvssMetricLabel(t, version, metric.key)}
      value={values[metric.key] ?? (group.required ? undefined : 'X')}
      options={(group.required ? metric.values : ['X', ...metric.values]).map((value) => ({
        value,
        label: valueLabel(t, version, metric.key, value),
      }))}
    />
  ))
  const title = t(`cvss.group.${group.id}` as MessageKey)
  if (group.required)
    return (
      <fieldset class="stack cvss-group" data-cvss-group={group.id}>
        <legend>{title}</legend>
        {radios}
      </fieldset>
    )
  const used = group.metrics.some((metric) => values[metric.key] !== undefined)
  return (
    <details class="cvss-group" data-cvss-group={group.id} open={used}>
      <summary>{title}</summary>
      <div class="stack">{radios}</div>
    </details>
  )
}

/** The metrics of one CVSS version as radio groups, pre-filled with `values` (metric → value, from `formValuesFromVector`). */
export function CvssCalculator({ t, version, values }: { t: Translator; version: CvssVersion; values: Readonly<Record<string, string>> }) {
  return (
    <fieldset class="stack cvss-calculator" data-cvss-version={version}>
      <legend>{t('severity.cvss.title', { version })}</legend>
      <p class="field__hint">{t('severity.cvss.hint')}</p>
      {cvssMetricGroups[version].map((group) => (
        <MetricGroup key={group.id} t={t} version={version} group={group} values={values} />
      ))}
    </fieldset>
  )
}

/** One score as the pages show it: "CVSS 4.0: 9.3 (Critical)" and the vector. */
export function CvssScore({ t, score }: { t: Translator; score: ShownScore }) {
  return (
    <p class="cvss-score" data-cvss-score={score.version}>
      <strong>
        {t('severity.score', { version: score.version, score: score.score.toFixed(1), rating: t(`severity.rating.${score.rating}`) })}
      </strong>{' '}
      <code class="text-muted">{score.vector}</code>
    </p>
  )
}

/** A severity as the policy lets it be shown (`severityLabel`): the level, and the scores unless the policy scores qualitatively. */
export function SeverityText({ t, label }: { t: Translator; label: SeverityLabel }) {
  if (!label.level) return <span class="text-muted">{t('severity.none')}</span>
  const rating = t(`severity.rating.${label.level}`)
  const first = label.scores[0]
  return (
    <span class="severity" data-severity={label.level}>
      {first ? `${rating} · ${first.score.toFixed(1)}` : rating}
    </span>
  )
}
