import { creditRoles, qualitativeSeverities, referenceKinds } from '../../domain/advisory/advisory.js'
import type { AdvisoryContent, ContentProblem } from '../../domain/advisory/content.js'
import type { Weakness } from '../../domain/advisory/cwe.js'
import { osvEcosystems } from '../../domain/advisory/ecosystems.js'
import { cweName } from '../../domain/advisory/exports/cwe-names.js'
import { formValuesFromVector } from '../../domain/severity/cvss-form.js'
import type { CvssVersion } from '../../domain/severity/cvss-metrics.js'
import { type SeverityScoring, type ShownScore, scoredVersions, severityLabel } from '../../domain/severity/scoring.js'
import {
  Alert,
  Button,
  Card,
  CvssCalculator,
  CvssScore,
  CwePicker,
  HiddenInput,
  PageHeader,
  RadioGroup,
  Select,
  TextArea,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'
import { emptyRows } from '../advisory-form.js'

/** The form's values: the stored content, or what was typed when saving it was refused. */
export interface EditValues {
  title: string
  summary: string
  description: string
  workarounds: string
  /** The CWE ids kept (ticked). */
  cwes: string[]
  /** What was typed in the CWE picker (an id, or words searched for). */
  cwe: string
  /** The stored vectors (carried for the versions the policy does not score). */
  cvss31: string
  cvss40: string
  /** The calculators' metrics, per version. */
  metrics: Record<CvssVersion, Record<string, string>>
  qualitative: string
  cve: string
  affected: Record<string, string>[]
  references: Record<string, string>[]
  credits: Record<string, string>[]
}

/** The stored content as form values. */
export function valuesOf(c: AdvisoryContent): EditValues {
  return {
    title: c.title,
    summary: c.summary,
    description: c.description,
    workarounds: c.workarounds,
    cwes: c.cwes,
    cwe: '',
    cvss31: c.severity.cvss31 ?? '',
    cvss40: c.severity.cvss40 ?? '',
    metrics: { '3.1': formValuesFromVector('3.1', c.severity.cvss31), '4.0': formValuesFromVector('4.0', c.severity.cvss40) },
    qualitative: c.severity.qualitative ?? '',
    cve: c.cve ?? '',
    affected: c.affected.flatMap((p) =>
      p.ranges.map((r) => ({
        kind: p.kind,
        ecosystem: p.kind === 'package' ? p.ecosystem : '',
        name: p.kind === 'package' ? p.name : '',
        vendor: p.kind === 'product' ? p.vendor : '',
        product: p.kind === 'product' ? p.product : '',
        introduced: r.introduced,
        fixed: r.fixed ?? '',
        lastAffected: r.lastAffected ?? '',
        status: p.status,
      })),
    ),
    references: c.references.map((r) => ({ kind: r.kind, url: r.url })),
    credits: c.credits.map((cr) => ({ name: cr.name, role: cr.role })),
  }
}

const problemText = (t: Translator, p: ContentProblem | undefined) => (p ? t(`advisory.problem.${p.problem}` as MessageKey) : undefined)

/** How the policy scores severity, and what the form shows of it beyond the stored values. */
export interface SeverityForm {
  scoring: SeverityScoring
  /** The organization's definition of each level (policy `severity.levels`). */
  definitions: Partial<Record<string, string>>
  /** The scores of the calculators' metrics after "Score" (else those of the stored vectors are shown). */
  scores?: ShownScore[]
  /** Why the calculators' metrics make no vector, in words. */
  cvssError?: string
}

/** The CWE picker's state: its suggestions, the search just made, and why the picked id was refused. */
export interface CweForm {
  suggestions: readonly Weakness[]
  query?: string
  error?: string
}

/** The edit form: every field of the record; repeatable groups as numbered rows, no JavaScript needed. */
export function AdvisoryEditPage({
  ctx,
  org,
  role,
  ownId,
  values,
  severity,
  cwe,
  problems = [],
  extraRows = 0,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  ownId: string
  values: EditValues
  severity: SeverityForm
  cwe: CweForm
  problems?: ContentProblem[]
  extraRows?: number
}) {
  const { t } = ctx
  const error = (field: string) =>
    problemText(
      t,
      problems.find((p) => p.field === field),
    )
  const versions = scoredVersions(severity.scoring)
  const shown =
    severity.scores ?? severityLabel({ cvss31: values.cvss31 || undefined, cvss40: values.cvss40 || undefined }, severity.scoring).scores
  const levelOptions = [
    { value: '', label: t('severity.none') },
    ...qualitativeSeverities.map((q) => ({ value: q, label: t(`advisory.severity.${q}` as MessageKey), hint: severity.definitions[q] })),
  ]
  const count = (filled: number) => Math.min(50, filled + emptyRows + extraRows)
  const rows = <T,>(list: T[], n: number) => Array.from({ length: count(n) }, (_, i) => list[i])
  const ecosystems = [{ value: '', label: '—' }, ...osvEcosystems.map((e) => ({ value: e, label: e }))]
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={`${ownId} · ${t('advisory.edit')}`}>
      <div class="container stack">
        <PageHeader title={t('advisory.edit')} subtitle={ownId} />
        {problems.length > 0 ? (
          <Alert tone="danger">{t('advisory.problems', { fields: problems.map((p) => p.field).join(', ') })}</Alert>
        ) : null}
        <form method="post" action={`/w/${org.slug}/advisories/${ownId}/edit`} class="stack">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <HiddenInput name="rows" value={String(extraRows)} />
          {/* The form's default button (Enter in a field saves): first in the form, before "Search" and "Score". */}
          <button type="submit" class="visually-hidden" tabindex={-1}>
            {t('advisory.saveDefault')}
          </button>
          <Card title={t('advisory.text')}>
            <div class="stack">
              <TextInput
                name="title"
                label={t('advisory.title')}
                value={values.title}
                required
                maxLength={200}
                error={error('title')}
                t={t}
              />
              <TextArea
                name="summary"
                label={t('advisory.summary')}
                value={values.summary}
                rows={3}
                hint={t('advisory.markdownHint')}
                error={error('summary')}
              />
              <TextArea
                name="description"
                label={t('advisory.description')}
                value={values.description}
                rows={10}
                hint={t('advisory.markdownHint')}
                error={error('description')}
              />
              <TextArea
                name="workarounds"
                label={t('advisory.workarounds')}
                value={values.workarounds}
                rows={4}
                hint={t('advisory.markdownHint')}
                error={error('workarounds')}
              />
            </div>
          </Card>
          <Card title={t('advisory.identifiers')}>
            <div class="stack">
              <TextInput name="cve" label="CVE" value={values.cve} hint={t('advisory.cveHint')} maxLength={40} error={error('cve')} />
            </div>
          </Card>
          <Card title={t('advisory.weaknesses')}>
            <div class="stack">
              {values.cwes.length > 0 ? (
                <fieldset class="stack" data-kept-cwes>
                  <legend>{t('advisory.cwesKept')}</legend>
                  {values.cwes.map((id) => (
                    <label key={id}>
                      <input type="checkbox" name="cwes" value={id} checked /> <code>{id}</code> {cweName(id) ?? ''}
                    </label>
                  ))}
                </fieldset>
              ) : (
                <p class="text-muted">{t('advisory.noCwes')}</p>
              )}
              {error('cwes') ? <Alert tone="danger">{t('advisory.cwesInvalid')}</Alert> : null}
              <CwePicker t={t} name="cwe" value={values.cwe} suggestions={cwe.suggestions} query={cwe.query} error={cwe.error} />
            </div>
          </Card>
          <Card title={t('severity.title')}>
            <div class="stack" data-scoring={severity.scoring}>
              {versions.length === 0 ? <p class="text-muted">{t('severity.qualitativeOnly')}</p> : null}
              {shown.map((s) => (
                <CvssScore key={s.version} t={t} score={s} />
              ))}
              {severity.cvssError ? <Alert tone="danger">{severity.cvssError}</Alert> : null}
              {error('cvss31') || error('cvss40') ? <Alert tone="danger">{t('advisory.cvssInvalid')}</Alert> : null}
              {(['3.1', '4.0'] as const)
                .filter((v) => versions.length > 0 && !versions.includes(v))
                .map((v) => {
                  const key = v === '4.0' ? 'cvss40' : 'cvss31'
                  return values[key] ? <HiddenInput key={v} name={key} value={values[key]} /> : null
                })}
              {versions.map((version) => (
                <CvssCalculator key={version} t={t} version={version} values={values.metrics[version]} />
              ))}
              {versions.length > 0 ? (
                <div class="cluster">
                  <Button name="intent" value="score">
                    {t('advisory.score')}
                  </Button>
                </div>
              ) : null}
              <RadioGroup
                name="qualitative"
                legend={t('severity.level')}
                hint={versions.length > 0 ? t('severity.level.fromScore') : t('severity.level.hint')}
                value={values.qualitative}
                options={levelOptions}
                error={error('qualitative')}
              />
            </div>
          </Card>
          <Card title={t('advisory.affected')}>
            <div class="stack">
              <p class="text-muted">{t('advisory.affectedHint')}</p>
              {rows(values.affected, values.affected.length).map((r, i) => (
                <fieldset key={i} class="stack">
                  <legend>{t('advisory.affected.row', { n: i + 1 })}</legend>
                  <Select
                    name={`affected-${i}-kind`}
                    label={t('advisory.affected.kind')}
                    value={r?.kind ?? 'package'}
                    options={[
                      { value: 'package', label: t('advisory.affected.package') },
                      { value: 'product', label: t('advisory.affected.vendorProduct') },
                    ]}
                  />
                  <Select
                    name={`affected-${i}-ecosystem`}
                    label={t('advisory.affected.ecosystem')}
                    value={r?.ecosystem ?? ''}
                    options={ecosystems}
                    error={error(`affected.${i}.ecosystem`)}
                  />
                  <TextInput
                    name={`affected-${i}-name`}
                    label={t('advisory.affected.name')}
                    value={r?.name ?? ''}
                    maxLength={200}
                    error={error(`affected.${i}.name`)}
                  />
                  <TextInput
                    name={`affected-${i}-vendor`}
                    label={t('advisory.affected.vendor')}
                    value={r?.vendor ?? ''}
                    maxLength={200}
                    error={error(`affected.${i}.vendor`)}
                  />
                  <TextInput
                    name={`affected-${i}-product`}
                    label={t('advisory.affected.productName')}
                    value={r?.product ?? ''}
                    maxLength={200}
                    error={error(`affected.${i}.product`)}
                  />
                  <TextInput
                    name={`affected-${i}-introduced`}
                    label={t('advisory.affected.introduced')}
                    value={r?.introduced ?? ''}
                    maxLength={100}
                    error={error(`affected.${i}.introduced`)}
                  />
                  <TextInput
                    name={`affected-${i}-fixed`}
                    label={t('advisory.affected.fixed')}
                    value={r?.fixed ?? ''}
                    maxLength={100}
                    error={error(`affected.${i}.fixed`)}
                  />
                  <TextInput
                    name={`affected-${i}-lastAffected`}
                    label={t('advisory.affected.lastAffected')}
                    value={r?.lastAffected ?? ''}
                    maxLength={100}
                    error={error(`affected.${i}.lastAffected`)}
                  />
                  <Select
                    name={`affected-${i}-status`}
                    label={t('advisory.affected.status')}
                    value={r?.status ?? 'affected'}
                    options={[
                      { value: 'affected', label: t('advisory.affected.affected') },
                      { value: 'not-affected', label: t('advisory.affected.not-affected') },
                    ]}
                  />
                </fieldset>
              ))}
            </div>
          </Card>
          <Card title={t('advisory.references')}>
            <div class="stack">
              {rows(values.references, values.references.length).map((r, i) => (
                <fieldset key={i} class="stack">
                  <legend>{t('advisory.reference.row', { n: i + 1 })}</legend>
                  <Select
                    name={`reference-${i}-kind`}
                    label={t('advisory.reference.kind')}
                    value={r?.kind ?? 'web'}
                    options={referenceKinds.map((k) => ({ value: k, label: t(`advisory.reference.${k}` as MessageKey) }))}
                  />
                  <TextInput
                    name={`reference-${i}-url`}
                    label={t('advisory.reference.url')}
                    type="url"
                    value={r?.url ?? ''}
                    maxLength={2048}
                    error={error(`references.${i}.url`)}
                  />
                </fieldset>
              ))}
            </div>
          </Card>
          <Card title={t('advisory.credits')}>
            <div class="stack">
              <p class="text-muted">{t('advisory.creditsHint')}</p>
              {rows(values.credits, values.credits.length).map((r, i) => (
                <fieldset key={i} class="stack">
                  <legend>{t('advisory.credit.row', { n: i + 1 })}</legend>
                  <TextInput
                    name={`credit-${i}-name`}
                    label={t('advisory.credit.name')}
                    value={r?.name ?? ''}
                    maxLength={200}
                    error={error(`credits.${i}.name`)}
                  />
                  <Select
                    name={`credit-${i}-role`}
                    label={t('advisory.credit.role')}
                    value={r?.role ?? 'finder'}
                    options={creditRoles.map((role) => ({ value: role, label: t(`advisory.role.${role}` as MessageKey) }))}
                  />
                </fieldset>
              ))}
            </div>
          </Card>
          <div class="cluster">
            <Button variant="primary">{t('advisory.save')}</Button>
            <Button name="more" value="rows">
              {t('advisory.saveAndAddRows')}
            </Button>
          </div>
        </form>
      </div>
    </WorkspaceLayout>
  )
}
