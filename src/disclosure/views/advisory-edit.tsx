import { creditRoles, qualitativeSeverities, referenceKinds } from '../../domain/advisory/advisory.js'
import type { AdvisoryContent, ContentProblem } from '../../domain/advisory/content.js'
import { osvEcosystems } from '../../domain/advisory/ecosystems.js'
import {
  Alert,
  Button,
  Card,
  HiddenInput,
  PageHeader,
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
  cwes: string
  cvss31: string
  cvss40: string
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
    cwes: c.cwes.join(', '),
    cvss31: c.severity.cvss31 ?? '',
    cvss40: c.severity.cvss40 ?? '',
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

/** The edit form: every field of the record; repeatable groups as numbered rows, no JavaScript needed. */
export function AdvisoryEditPage({
  ctx,
  org,
  role,
  ownId,
  values,
  problems = [],
  extraRows = 0,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  ownId: string
  values: EditValues
  problems?: ContentProblem[]
  extraRows?: number
}) {
  const { t } = ctx
  const error = (field: string) =>
    problemText(
      t,
      problems.find((p) => p.field === field),
    )
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
          <Card title={t('advisory.identifiersAndSeverity')}>
            <div class="stack">
              <TextInput name="cve" label="CVE" value={values.cve} hint={t('advisory.cveHint')} maxLength={40} error={error('cve')} />
              <TextInput
                name="cwes"
                label={t('advisory.cwes')}
                value={values.cwes}
                hint={t('advisory.cwesHint')}
                maxLength={1000}
                error={error('cwes')}
              />
              <TextInput
                name="cvss31"
                label={t('advisory.cvss31')}
                value={values.cvss31}
                hint="CVSS:3.1/AV:N/AC:L/…"
                maxLength={200}
                error={error('cvss31')}
              />
              <TextInput
                name="cvss40"
                label={t('advisory.cvss40')}
                value={values.cvss40}
                hint="CVSS:4.0/AV:N/AC:L/…"
                maxLength={200}
                error={error('cvss40')}
              />
              <Select
                name="qualitative"
                label={t('advisory.qualitative')}
                value={values.qualitative}
                options={[
                  { value: '', label: '—' },
                  ...qualitativeSeverities.map((q) => ({ value: q, label: t(`advisory.severity.${q}` as MessageKey) })),
                ]}
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
