import { wallTimeAt } from '../domain/calendar/zoned-time.js'
import { type ExternalReportErrors, type ExternalReportField, externalLimits, otherPlatform } from '../domain/report/external-report.js'
import { submissionLimits } from '../domain/report/submission.js'
import { Alert, Button, HiddenInput, PageHeader, Select, TextArea, TextInput, WorkspaceLayout } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import type { Role } from '../storage/schema.js'

export type ExternalReportValues = Partial<Record<ExternalReportField, string>>

const two = (n: number) => String(n).padStart(2, '0')

/** The time now as a datetime-local value in the organization's zone (the form's default). */
export function localNow(now: Date, timeZone: string): string {
  const w = wallTimeAt(now.getTime(), timeZone)
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`
}

/** The form to register a report received on another platform; what was typed is kept when something needs fixing. */
export function ExternalReportPage(props: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  platforms: ReadonlyArray<{ id: string; name: string }>
  programs: ReadonlyArray<{ slug: string; name: string }>
  timeZone: string
  values: ExternalReportValues
  errors: ExternalReportErrors
}) {
  const { ctx, org, role, platforms, programs, timeZone, values, errors } = props
  const { t } = ctx
  const err = (f: ExternalReportField) => (errors[f] ? t(`fieldProblem.${errors[f]}` as MessageKey) : undefined)
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="reports" title={t('external.title')}>
      <div class="container container--narrow stack">
        <PageHeader title={t('external.title')} subtitle={t('external.lead')} />
        {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
        <form method="post" action={`/w/${org.slug}/reports/external/new`} class="stack" novalidate>
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <Select
            name="platform"
            label={t('external.field.platform')}
            value={values.platform}
            error={err('platform')}
            required
            options={[
              ...platforms.map((p) => ({ value: p.id, label: p.name })),
              { value: otherPlatform, label: t('external.field.platformOther') },
            ]}
          />
          <TextInput
            name="platformName"
            label={t('external.field.platformName')}
            hint={t('external.field.platformNameHint')}
            value={values.platformName}
            error={err('platformName')}
            maxLength={externalLimits.platformName}
          />
          <TextInput
            name="reference"
            label={t('external.field.reference')}
            value={values.reference}
            error={err('reference')}
            required
            maxLength={externalLimits.reference}
          />
          <TextInput
            name="url"
            type="url"
            label={t('external.field.url')}
            value={values.url}
            error={err('url')}
            required
            maxLength={externalLimits.url}
          />
          <TextInput
            name="receivedAt"
            type="datetime-local"
            label={t('external.field.receivedAt')}
            hint={t('external.field.receivedAtHint', { zone: timeZone })}
            value={values.receivedAt}
            error={err('receivedAt')}
            required
          />
          {programs.length > 0 ? (
            <Select
              name="program"
              label={t('external.field.program')}
              value={values.program}
              error={err('program')}
              required
              options={[{ value: '', label: '—' }, ...programs.map((p) => ({ value: p.slug, label: p.name }))]}
            />
          ) : null}
          <TextInput
            name="title"
            label={t('external.field.title')}
            value={values.title}
            error={err('title')}
            required
            maxLength={submissionLimits.title}
          />
          <TextArea
            name="text"
            label={t('external.field.text')}
            value={values.text}
            error={err('text')}
            rows={10}
            required
            maxLength={submissionLimits.description}
          />
          <Button variant="primary">{t('external.submit')}</Button>
        </form>
      </div>
    </WorkspaceLayout>
  )
}
