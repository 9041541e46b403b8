import type { FieldErrors, Submission, SubmissionField } from '../domain/report/submission.js'
import { submissionLimits } from '../domain/report/submission.js'
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  HiddenInput,
  Layout,
  PageHeader,
  RadioGroup,
  SecretBox,
  Select,
  TextArea,
  TextInput,
} from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'
import type { ProgramRow } from '../storage/schema.js'

export interface PublicOrg {
  slug: string
  name: string
}

export function OrgPage({
  ctx,
  org,
  programs,
  hallOfFame,
}: {
  ctx: PageContext
  org: PublicOrg
  programs: ProgramRow[]
  /** Links the organization's hall of fame when its policy keeps one (src/recognition). */
  hallOfFame?: boolean
}) {
  const { t } = ctx
  return (
    <Layout title={t('org.title', { org: org.name })} t={t} user={ctx.user} csrfToken={ctx.csrfToken} org={org}>
      <div class="container stack">
        <PageHeader
          title={t('org.title', { org: org.name })}
          subtitle={t('org.lead', { org: org.name })}
          actions={
            <ButtonLink href={`/o/${org.slug}/report`} variant="primary">
              {t('org.report')}
            </ButtonLink>
          }
        />
        <Alert tone="info">{t('org.privacy')}</Alert>
        {programs.length > 0 ? (
          <Card title={t('org.programs')}>
            <ul class="link-list">
              {programs.map((p) => (
                <li key={p.id}>
                  <strong>{p.name}</strong> <span class="text-muted">{t(`programKind.${p.kind}` as MessageKey)}</span>{' '}
                  <span class="text-muted">· {t(p.in_scope ? 'org.inScope' : 'org.outOfScope')}</span>
                  {p.description ? <p class="text-muted">{p.description}</p> : null}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
        <p>
          <a href={`/o/${org.slug}/advisories`}>{t('publication.org.advisories')}</a>
        </p>
        {hallOfFame ? (
          <p>
            <a href={`/o/${org.slug}/hall-of-fame`}>{t('org.hallOfFame')}</a>
          </p>
        ) : null}
      </div>
    </Layout>
  )
}

export type FormValues = Partial<Record<SubmissionField, string>>

export interface ReportFormProps {
  ctx: PageContext
  org: PublicOrg
  programs: ProgramRow[]
  values: FormValues
  errors: FieldErrors
  /** Signed time the form was served (bot trap). */
  servedAt: string
  /** Set when the bot trap fired: the form is shown again with this explanation. */
  trapped?: boolean
  /** The preselected credit choice: the policy's recognition default (src/policy/credit-default.ts). */
  creditDefault?: 'name' | 'anonymous'
}

/** The report form. Plain HTML: it works with JavaScript disabled, and keeps every typed value on error. */
export function ReportFormPage({ ctx, org, programs, values, errors, servedAt, trapped, creditDefault = 'anonymous' }: ReportFormProps) {
  const { t } = ctx
  const err = (f: SubmissionField) => (errors[f] ? t(`fieldProblem.${errors[f]}` as MessageKey) : undefined)
  const inScope = programs.filter((p) => p.in_scope)
  return (
    <Layout title={t('report.title', { org: org.name })} t={t} user={ctx.user} csrfToken={ctx.csrfToken} org={org}>
      <div class="container container--narrow stack">
        <PageHeader title={t('report.title', { org: org.name })} subtitle={t('report.lead', { org: org.name })} />
        {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
        {trapped ? <Alert tone="warning">{t('fieldProblem.bot-trap', { label: t('report.field.trap') })}</Alert> : null}
        <form method="post" action={`/o/${org.slug}/report`} class="stack" novalidate>
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <HiddenInput name="_served" value={servedAt} />
          <TextInput
            name="title"
            label={t('report.field.title')}
            hint={t('report.field.titleHint')}
            value={values.title}
            error={err('title')}
            required
            maxLength={submissionLimits.title}
          />
          {inScope.length > 0 ? (
            <Select
              name="programId"
              label={t('report.field.program')}
              value={values.programId}
              error={err('programId')}
              required
              options={[{ value: '', label: '—' }, ...inScope.map((p) => ({ value: p.id, label: p.name }))]}
            />
          ) : null}
          <TextArea
            name="description"
            label={t('report.field.description')}
            hint={t('report.field.descriptionHint')}
            value={values.description}
            error={err('description')}
            rows={8}
            required
            maxLength={submissionLimits.description}
          />
          <TextArea
            name="steps"
            label={t('report.field.steps')}
            hint={t('report.field.stepsHint')}
            value={values.steps}
            error={err('steps')}
            rows={6}
            maxLength={submissionLimits.steps}
          />
          <TextArea
            name="impact"
            label={t('report.field.impact')}
            hint={t('report.field.impactHint')}
            value={values.impact}
            error={err('impact')}
            rows={4}
            maxLength={submissionLimits.impact}
          />
          <TextInput
            name="affectedVersion"
            label={t('report.field.affectedVersion')}
            value={values.affectedVersion}
            error={err('affectedVersion')}
            maxLength={submissionLimits.affectedVersion}
          />
          <Card tone="muted">
            <div class="stack">
              <TextInput
                name="reporterName"
                label={t('report.field.reporterName')}
                value={values.reporterName}
                error={err('reporterName')}
                autocomplete="nickname"
                maxLength={submissionLimits.reporterName}
              />
              <TextInput
                name="reporterEmail"
                type="email"
                label={t('report.field.reporterEmail')}
                hint={t('report.field.reporterEmailHint')}
                value={values.reporterEmail}
                error={err('reporterEmail')}
                autocomplete="email"
                maxLength={submissionLimits.reporterEmail}
              />
              <TextArea
                name="reporterPublicKey"
                label={t('report.field.reporterPublicKey')}
                hint={t('report.field.reporterPublicKeyHint')}
                value={values.reporterPublicKey}
                error={err('reporterPublicKey')}
                rows={4}
                maxLength={submissionLimits.reporterPublicKey}
              />
              <RadioGroup
                name="creditPreference"
                legend={t('report.field.credit')}
                value={values.creditPreference ?? creditDefault}
                hint={creditDefault === 'name' ? t('report.credit.byNameDefault', { org: org.name }) : undefined}
                error={err('creditPreference')}
                options={[
                  { value: 'name', label: t('report.credit.name') },
                  { value: 'pseudonym', label: t('report.credit.pseudonym') },
                  { value: 'anonymous', label: t('report.credit.anonymous') },
                ]}
              />
            </div>
          </Card>
          <div class="form-trap" aria-hidden="true">
            <label for="contact_website">{t('report.field.trap')}</label>
            <input id="contact_website" name="contact_website" type="text" tabindex={-1} autocomplete="off" value="" />
          </div>
          <Button variant="primary">{t('report.submit')}</Button>
        </form>
      </div>
    </Layout>
  )
}

export function ReportSentPage({
  ctx,
  org,
  ref,
  followUpUrl,
  notCredited = false,
}: {
  ctx: PageContext
  org: PublicOrg
  ref: string
  followUpUrl: string
  /** "Credited unless declined" with no name given: the report was received as anonymous. */
  notCredited?: boolean
}) {
  const { t } = ctx
  return (
    <Layout title={t('report.sent.title', { ref })} t={t} user={ctx.user} csrfToken={ctx.csrfToken} org={org}>
      <div class="container container--narrow stack">
        <PageHeader title={t('report.sent.title', { ref })} subtitle={t('report.sent.lead', { org: org.name })} />
        {notCredited ? <Alert tone="info">{t('report.sent.notCredited')}</Alert> : null}
        <SecretBox label={t('report.sent.linkLabel')} value={followUpUrl}>
          {t('report.sent.linkWarning')}
        </SecretBox>
        <p>
          <ButtonLink href={followUpUrl} variant="primary">
            {t('report.sent.open')}
          </ButtonLink>
        </p>
      </div>
    </Layout>
  )
}

export const formValues = (s: Partial<Submission> | Record<string, unknown>): FormValues => {
  const out: FormValues = {}
  for (const [k, v] of Object.entries(s)) if (typeof v === 'string') out[k as SubmissionField] = v
  return out
}
