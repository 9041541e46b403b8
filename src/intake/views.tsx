import type { ChannelState } from '../domain/policy/channels.js'
import type { IntakeProgram } from '../domain/policy/programs.js'
import type { FieldErrors, Submission, SubmissionField } from '../domain/report/submission.js'
import { submissionLimits } from '../domain/report/submission.js'
import { sizeText } from '../http/uploaded-files.js'
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Field,
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
import { ChannelsCard } from './channels-view.js'

export { sizeText }

/** Which file the form refused and why: a limit of the instance (`max`), or a picture whose metadata could not be removed. */
export interface FileNotice {
  file: string
  reason: 'file-bytes' | 'report-bytes' | 'files' | 'image-not-cleanable'
  max?: number
}

export interface AttachmentLimits {
  fileBytes: number
  reportBytes: number
  files: number
}

export interface PublicOrg {
  slug: string
  name: string
}

export type PublicProgram = IntakeProgram & { inScope: boolean }

export function OrgPage({
  ctx,
  org,
  programs,
  hallOfFame,
  publicReports,
  channels,
}: {
  ctx: PageContext
  org: PublicOrg
  programs: PublicProgram[]
  channels: ChannelState[]
  /** Links the organization's hall of fame when its policy keeps one (src/recognition). */
  hallOfFame?: boolean
  /** Whether the organization publishes reports (src/report-publication). */
  publicReports?: boolean
}) {
  const { t } = ctx
  const formOpen = channels.some((ch) => ch.id === 'web-form' && ch.state !== 'refused')
  return (
    <Layout
      title={t('org.title', { org: org.name })}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      org={org}
    >
      <div class="container stack">
        <PageHeader
          title={t('org.title', { org: org.name })}
          subtitle={t('org.lead', { org: org.name })}
          actions={
            formOpen ? (
              <ButtonLink href={`/o/${org.slug}/report`} variant="primary">
                {t('org.report')}
              </ButtonLink>
            ) : undefined
          }
        />
        <Alert tone="info">{t('org.privacy')}</Alert>
        <ChannelsCard ctx={ctx} orgSlug={org.slug} channels={channels} />
        {programs.length > 0 ? (
          <Card title={t('org.programs')}>
            <ul class="link-list">
              {programs.map((p) => (
                <li key={p.slug} data-program={p.slug}>
                  <strong>{p.name}</strong> <span class="text-muted">{t(`programKind.${p.kind}` as MessageKey)}</span>{' '}
                  <span class="text-muted">· {t(p.inScope ? 'org.inScope' : 'org.outOfScope')}</span>
                  {p.description ? <p class="text-muted">{p.description}</p> : null}
                  {p.inScope && formOpen ? (
                    <p>
                      <a href={`/o/${org.slug}/report?program=${encodeURIComponent(p.slug)}`}>{t('org.reportOn', { program: p.name })}</a>
                    </p>
                  ) : null}
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
        {publicReports ? (
          <p>
            <a href={`/o/${org.slug}/reports`}>{t('publicReports.org.link')}</a>
          </p>
        ) : null}
      </div>
    </Layout>
  )
}

/** Why the bot trap held a form: the hidden field was filled, it came back faster than a person types, or its time stamp was missing or forged. */
export type TrapReason = 'filled' | 'fast' | 'stale'

export type FormValues = Partial<Record<SubmissionField, string>>

export interface ReportFormProps {
  ctx: PageContext
  org: PublicOrg
  /** The programs a report may be about (the policy's, in scope). */
  programs: IntakeProgram[]
  values: FormValues
  errors: FieldErrors
  /** Signed time the form was served (bot trap). */
  servedAt: string
  /** Set when the bot trap held the form: it is shown again, explained by what tripped it. */
  trapped?: TrapReason | undefined
  /** The preselected credit choice: the policy's recognition default (src/policy/credit-default.ts). */
  creditDefault?: 'name' | 'anonymous'
  /** The instance's limits on files, said next to the file input. */
  attachmentLimits: AttachmentLimits
  /** A file the last post was refused for: the page names it and the limit, above the kept text. */
  fileNotice?: FileNotice | undefined
  /** The last post carried files and the form is shown again: the browser keeps no file, so ask for them again. */
  filesDropped?: boolean
}

/** The report form. Plain HTML: it works with JavaScript disabled, and keeps every typed value on error. */
export function ReportFormPage({
  ctx,
  org,
  programs,
  values,
  errors,
  servedAt,
  trapped,
  creditDefault = 'anonymous',
  attachmentLimits,
  fileNotice,
  filesDropped = false,
}: ReportFormProps) {
  const { t } = ctx
  const err = (f: SubmissionField) => (errors[f] ? t(`fieldProblem.${errors[f]}` as MessageKey) : undefined)
  const chosen = programs.find((p) => p.slug === values.program)
  return (
    <Layout
      title={t('report.title', { org: org.name })}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      org={org}
      flash={ctx.flash}
      languages={ctx.languages}
    >
      <div class="container container--narrow stack">
        <PageHeader title={t('report.title', { org: org.name })} subtitle={t('report.lead', { org: org.name })} />
        {Object.keys(errors).length > 0 ? <Alert tone="danger">{t('form.fixErrors')}</Alert> : null}
        {trapped === 'filled' ? <Alert tone="warning">{t('fieldProblem.bot-trap', { label: t('report.field.trap') })}</Alert> : null}
        {trapped === 'fast' ? <Alert tone="warning">{t('report.trap.fast')}</Alert> : null}
        {trapped === 'stale' ? <Alert tone="warning">{t('report.trap.stale')}</Alert> : null}
        {fileNotice ? (
          <Alert tone="danger">
            {t(`report.files.refused.${fileNotice.reason}`, {
              file: fileNotice.file,
              max: fileNotice.reason === 'files' ? String(fileNotice.max) : sizeText(t, fileNotice.max ?? 0),
            })}{' '}
            {t('report.files.keptText')}
          </Alert>
        ) : null}
        <form
          method="post"
          action={`/o/${org.slug}/report`}
          class="stack"
          novalidate
          enctype={chosen?.attachments ? 'multipart/form-data' : undefined}
        >
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
          {programs.length > 0 ? (
            <Select
              name="program"
              label={t('report.field.program')}
              hint={chosen ? undefined : t('report.field.programHint')}
              value={values.program}
              error={err('program')}
              required
              options={[{ value: '', label: '—' }, ...programs.map((p) => ({ value: p.slug, label: p.name }))]}
            />
          ) : null}
          {chosen && (chosen.fields.length > 0 || chosen.attachments) ? (
            <fieldset class="stack" data-program-fields={chosen.slug}>
              <legend>{t('report.programFields', { program: chosen.name })}</legend>
              {chosen.fields.map((f) =>
                f.type === 'long-text' ? (
                  <TextArea
                    key={f.key}
                    name={`field.${f.key}`}
                    label={f.required ? f.label : t('report.field.optional', { label: f.label })}
                    value={values[`field.${f.key}`]}
                    error={err(`field.${f.key}`)}
                    rows={4}
                    required={f.required}
                    maxLength={submissionLimits.programField[f.type]}
                  />
                ) : (
                  <TextInput
                    key={f.key}
                    name={`field.${f.key}`}
                    type={f.type === 'url' ? 'url' : 'text'}
                    label={f.required ? f.label : t('report.field.optional', { label: f.label })}
                    value={values[`field.${f.key}`]}
                    error={err(`field.${f.key}`)}
                    required={f.required}
                    maxLength={submissionLimits.programField[f.type]}
                  />
                ),
              )}
              {chosen.attachments ? (
                <Field
                  name={`field.${chosen.attachments.key}`}
                  label={
                    chosen.attachments.required ? chosen.attachments.label : t('report.field.optional', { label: chosen.attachments.label })
                  }
                  hint={
                    <>
                      {t('report.files.hint', {
                        count: String(attachmentLimits.files),
                        fileSize: sizeText(t, attachmentLimits.fileBytes),
                        reportSize: sizeText(t, attachmentLimits.reportBytes),
                      })}
                      {filesDropped ? ` ${t('report.files.again')}` : null}
                    </>
                  }
                  error={err(`field.${chosen.attachments.key}`)}
                  required={chosen.attachments.required}
                >
                  <input class="input" type="file" name={`field.${chosen.attachments.key}`} multiple />
                </Field>
              ) : null}
            </fieldset>
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

/**
 * The confirmation after the form (post/redirect/get). The follow-up link is shown the first time
 * only (`receipt.followUpUrl`); a reload says it was shown and how to reach the report again. With
 * no receipt (another browser, or later than 15 minutes) the page says there is nothing to show.
 */
export function ReportSentPage({
  ctx,
  org,
  receipt,
}: {
  ctx: PageContext
  org: PublicOrg
  receipt: {
    ref: string
    followUpUrl?: string | undefined
    notCredited: boolean
    /** The files stored with the report (name as stored, bytes). */
    files?: Array<{ name: string; size: number }> | undefined
  } | null
}) {
  const { t } = ctx
  const title = receipt ? t('report.sent.title', { ref: receipt.ref }) : t('report.sent.none.title')
  return (
    <Layout title={title} t={t} user={ctx.user} csrfToken={ctx.csrfToken} org={org} flash={ctx.flash} languages={ctx.languages}>
      <div class="container container--narrow stack">
        <PageHeader title={title} subtitle={receipt ? t('report.sent.lead', { org: org.name }) : undefined} />
        {!receipt ? (
          <p>{t('report.sent.none.body', { org: org.name })}</p>
        ) : receipt.followUpUrl ? (
          <>
            {receipt.notCredited ? <Alert tone="info">{t('report.sent.notCredited')}</Alert> : null}
            <SecretBox label={t('report.sent.linkLabel')} value={receipt.followUpUrl}>
              {t('report.sent.linkWarning')}
            </SecretBox>
            <p>
              <ButtonLink href={receipt.followUpUrl} variant="primary">
                {t('report.sent.open')}
              </ButtonLink>
            </p>
          </>
        ) : (
          <Alert tone="info" title={t('report.sent.shown.title')}>
            <p>{t('report.sent.shown.body', { org: org.name, ref: receipt.ref })}</p>
            <p>
              <a href="/follow-up">{t('report.sent.shown.open')}</a>
            </p>
          </Alert>
        )}
        {receipt ? <ReceivedFiles ctx={ctx} files={receipt.files} /> : null}
      </div>
    </Layout>
  )
}

/** The files the confirmation lists: what was stored, by name and size, so the reporter sees nothing was lost. */
function ReceivedFiles({ ctx, files }: { ctx: PageContext; files: Array<{ name: string; size: number }> | undefined }) {
  if (!files || files.length === 0) return null
  return (
    <Card title={ctx.t('report.sent.files')}>
      <ul class="link-list" data-received-files>
        {files.map((f) => (
          <li key={f.name}>{ctx.t('report.sent.file', { name: f.name, size: f.size })}</li>
        ))}
      </ul>
    </Card>
  )
}

export const formValues = (s: Partial<Submission> | Record<string, unknown>): FormValues => {
  const out: FormValues = {}
  for (const [k, v] of Object.entries(s)) if (typeof v === 'string') out[k as SubmissionField] = v
  return out
}

/** The web form is closed by the policy: the page says so and lists the channels that are open. */
export function ChannelClosedPage({ ctx, org, channels }: { ctx: PageContext; org: PublicOrg; channels: ChannelState[] }) {
  const { t } = ctx
  return (
    <Layout
      title={t('channels.closed.title')}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      org={org}
    >
      <div class="container container--narrow stack">
        <PageHeader title={t('channels.closed.title')} subtitle={t('channels.closed.lead', { org: org.name })} />
        <ChannelsCard ctx={ctx} orgSlug={org.slug} channels={channels} />
      </div>
    </Layout>
  )
}
