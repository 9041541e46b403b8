import { severities } from '../domain/policy/schema.js'
import { formValuesFromVector } from '../domain/severity/cvss-form.js'
import { levelDefinitions, scoredVersions, severityLabel } from '../domain/severity/scoring.js'
import { Button, CvssCalculator, CvssScore, HiddenInput, RadioGroup } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { ReportPolicyView } from './report-policy.js'

/**
 * The report's severity as its policy scores it: the level and, unless the policy scores
 * qualitatively, the CVSS scores with the calculator (no JavaScript needed) to set the vectors.
 * Under qualitative scoring only the level picker with the organization's definitions is shown.
 */
export function SeverityPanel({ ctx, base, view, canWork }: { ctx: PageContext; base: string; view: ReportPolicyView; canWork: boolean }) {
  const { t } = ctx
  const severity = { qualitative: view.severity ?? undefined, cvss31: view.cvss31 ?? undefined, cvss40: view.cvss40 ?? undefined }
  const label = severityLabel(severity, view.scoring)
  const versions = scoredVersions(view.scoring)
  const definitions = levelDefinitions(view.policy)
  const scored = label.scores.length > 0
  const csrf = <HiddenInput name="_csrf" value={ctx.csrfToken} />
  return (
    <section class="stack severity-panel" data-scoring={view.scoring}>
      <h3>{t('severity.title')}</h3>
      <p data-severity-level={label.level ?? ''}>
        {t('severity.level')}: <strong>{label.level ? t(`severity.rating.${label.level}`) : t('severity.none')}</strong>
      </p>
      {label.scores.map((s) => (
        <CvssScore key={s.version} t={t} score={s} />
      ))}
      {view.scoring === 'qualitative' ? <p class="text-muted">{t('severity.qualitativeOnly')}</p> : null}
      {canWork && !scored ? (
        <form method="post" action={`${base}/severity`} class="stack">
          {csrf}
          <RadioGroup
            name="severity"
            legend={t('severity.level')}
            hint={versions.length > 0 ? t('severity.level.fromScore') : t('severity.level.hint')}
            value={view.severity ?? ''}
            options={[
              { value: '', label: t('severity.none') },
              ...severities.map((s) => ({ value: s, label: t(`severity.rating.${s}`), hint: definitions[s] })),
            ]}
          />
          <Button variant="secondary">{t('clock.setSeverity')}</Button>
        </form>
      ) : null}
      {canWork && versions.length > 0 ? (
        <form method="post" action={`${base}/cvss`} class="stack cvss-form">
          {csrf}
          {versions.map((version) => (
            <CvssCalculator
              key={version}
              t={t}
              version={version}
              values={formValuesFromVector(version, version === '4.0' ? view.cvss40 : view.cvss31)}
            />
          ))}
          <Button variant="primary">{t('severity.cvss.save')}</Button>
        </form>
      ) : null}
    </section>
  )
}
