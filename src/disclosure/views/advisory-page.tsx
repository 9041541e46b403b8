import { cweName } from '../../domain/advisory/exports/cwe-names.js'
import { severityLabel } from '../../domain/severity/scoring.js'
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  CvssScore,
  Field,
  HiddenInput,
  KeyValue,
  PageHeader,
  StatusBadge,
  TeamTime,
  TextArea,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import { formatTime } from '../../i18n/format-time.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'
import type { AdvisoryView } from '../load-advisory.js'
import { stateLabel } from './advisory-list.js'
import { AdvisoryText } from './advisory-text.js'

/** One advisory for the team: its content, identifiers, linked reports and the workflow's actions. */
export function AdvisoryPage({
  ctx,
  org,
  role,
  view,
  problem,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  view: AdvisoryView
  problem?: string | undefined
}) {
  const { t } = ctx
  const { advisory: a, actions } = view
  const base = `/w/${org.slug}/advisories/${a.ownId}`
  const c = a.content
  const can = (action: (typeof actions)[number]) => actions.includes(action)
  const who = (id: string | null) => (id === null ? t('author.system') : (view.names.get(id) ?? t('author.formerMember')))
  const post = (action: string, label: string, variant: 'primary' | 'secondary' | 'danger' = 'secondary') => (
    <form method="post" action={`${base}/${action}`}>
      <HiddenInput name="_csrf" value={ctx.csrfToken} />
      <Button variant={variant}>{label}</Button>
    </form>
  )
  // The severity as the policy lets it be shown: the level, and the scores with their vectors unless it scores by level only.
  const label = severityLabel(c.severity, view.rules.scoring)
  const severity = label.level ? t(`severity.rating.${label.level}`) : ''
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={`${a.ownId} · ${c.title}`}>
      <div class="container stack">
        <PageHeader
          title={c.title}
          subtitle={a.ownId}
          actions={<StatusBadge status={`advisory-${a.state}`} label={stateLabel(t, a.state)} />}
        />
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        {a.state === 'withdrawn' && a.withdrawnReason ? (
          <Alert tone="info">{t('advisory.withdrawnBecause', { reason: a.withdrawnReason })}</Alert>
        ) : null}
        <div class="split">
          <div class="stack">
            <AdvisoryText t={t} content={c} />
            <Card title={t('advisory.references')}>
              {c.references.length === 0 ? (
                <p class="text-muted">{t('advisory.none')}</p>
              ) : (
                <ul>
                  {c.references.map((r) => (
                    <li key={r.url}>
                      {t(`advisory.reference.${r.kind}` as MessageKey)}:{' '}
                      <a href={r.url} rel="noopener noreferrer nofollow">
                        {r.url}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </div>
          <aside class="stack">
            {view.mergeOverdue ? (
              <Alert tone="danger">
                <a href={`${base}/coordination`}>{t('partners.advisory.mergeOverdue')}</a>
              </Alert>
            ) : null}
            <a href={`${base}/coordination`}>
              {a.releaseAt
                ? t('partners.release.plannedLine', { at: formatTime(a.releaseAt, view.timeZone, t.locale) })
                : t('partners.coordination.link')}
            </a>
            {actions.length > 0 ? (
              <Card title={t('advisory.actions')}>
                <div class="stack">
                  {can('edit') ? <ButtonLink href={`${base}/edit`}>{t('advisory.edit')}</ButtonLink> : null}
                  {can('submit') ? post('submit', t('advisory.submit')) : null}
                  {can('approve') ? post('approve', t('advisory.approve'), 'primary') : null}
                  {can('return') ? post('return', t('advisory.sendBack')) : null}
                  {can('publish') ? post('publish', t('advisory.publishNow'), 'primary') : null}
                  {can('schedule') ? (
                    <form method="post" action={`${base}/schedule`} class="stack">
                      <HiddenInput name="_csrf" value={ctx.csrfToken} />
                      <Field name="at" label={t('advisory.scheduleAt')} hint={t('advisory.scheduleHint')} required t={t}>
                        <input class="input" type="datetime-local" name="at" />
                      </Field>
                      <Button>{t('advisory.schedule')}</Button>
                    </form>
                  ) : null}
                  {can('unschedule') ? post('unschedule', t('advisory.unschedule')) : null}
                  {can('withdraw') ? (
                    <form method="post" action={`${base}/withdraw`} class="stack">
                      <HiddenInput name="_csrf" value={ctx.csrfToken} />
                      <TextArea name="reason" label={t('advisory.withdrawReason')} rows={3} required maxLength={10_000} t={t} />
                      <Button variant="danger">{t('advisory.withdraw')}</Button>
                    </form>
                  ) : null}
                  {view.rules.review === 'required' && a.state !== 'published' && a.state !== 'withdrawn' ? (
                    <p class="text-muted">{t('advisory.reviewRequired')}</p>
                  ) : null}
                </div>
              </Card>
            ) : null}
            <Card title={t('advisory.identifiers')}>
              <div class="stack">
                <KeyValue
                  items={[
                    { label: t('advisory.ownId'), value: a.ownId },
                    { label: 'CVE', value: c.cve ?? t('advisory.none') },
                    { label: 'GCVE', value: a.gcve ?? t('advisory.none') },
                    { label: t('advisory.revision'), value: String(a.revision) },
                    ...(a.scheduledFor
                      ? [
                          {
                            label: t('advisory.scheduledFor'),
                            value: <TeamTime iso={a.scheduledFor} zone={view.timeZone} t={t} now={ctx.now} />,
                          },
                        ]
                      : []),
                    ...(a.publishedAt
                      ? [
                          {
                            label: t('advisory.publishedAt'),
                            value: <TeamTime iso={a.publishedAt} zone={view.timeZone} t={t} now={ctx.now} />,
                          },
                        ]
                      : []),
                    ...(a.submittedBy ? [{ label: t('advisory.submittedBy'), value: who(a.submittedBy) }] : []),
                    ...(a.approvedBy ? [{ label: t('advisory.approvedBy'), value: who(a.approvedBy) }] : []),
                  ]}
                />
                {view.rules.gna !== undefined && a.gcve === null && role !== 'viewer' && a.state !== 'withdrawn'
                  ? post('gcve', t('advisory.allocateGcve'))
                  : null}
                {view.cveServices && !c.cve && role !== 'viewer' && a.state !== 'withdrawn' ? post('cve', t('advisory.reserveCve')) : null}
                {view.cveRecord ? (
                  <CveRecordStatus t={t} record={view.cveRecord} withdrawn={a.state === 'withdrawn'} zone={view.timeZone} />
                ) : null}
              </div>
            </Card>
            <Card title={t('advisory.severityAndWeakness')}>
              <KeyValue
                items={[
                  { label: t('advisory.severity'), value: severity || t('advisory.none') },
                  {
                    label: t('advisory.cwes'),
                    value: c.cwes.length === 0 ? t('advisory.none') : c.cwes.map((id) => `${id} ${cweName(id) ?? ''}`.trim()).join('; '),
                  },
                ]}
              />
              {label.scores.map((s) => (
                <CvssScore key={s.version} t={t} score={s} />
              ))}
            </Card>
            <Card title={t('advisory.credits')}>
              {c.credits.length === 0 ? (
                <p class="text-muted">{t('advisory.none')}</p>
              ) : (
                <ul>
                  {c.credits.map((cr) => (
                    <li key={`${cr.name}-${cr.role}`}>
                      {cr.name} ({t(`advisory.role.${cr.role}` as MessageKey)})
                    </li>
                  ))}
                </ul>
              )}
            </Card>
            <Card title={t('advisory.reports')}>
              <div class="stack">
                <ul>
                  {view.reports.map((r) => (
                    <li key={r.ref}>
                      <a href={`/w/${org.slug}/reports/${r.ref}`}>{r.ref}</a> · {t(`status.${r.status}` as MessageKey)} ·{' '}
                      {/* The report's EU Cyber Resilience Act case (src/regulation): marked, filed and exported there. */}
                      <a href={`/w/${org.slug}/reports/${r.ref}/cra`}>{t('nav.cra')}</a>
                    </li>
                  ))}
                </ul>
                {role !== 'viewer' && (a.state === 'draft' || a.state === 'in-review' || a.state === 'ready' || a.state === 'scheduled') ? (
                  <form method="post" action={`${base}/reports`} class="stack">
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <TextInput name="report" label={t('advisory.linkReport')} maxLength={40} required t={t} />
                    <Button>{t('advisory.link')}</Button>
                  </form>
                ) : null}
              </div>
            </Card>
            <Card title={t('advisory.revisions')}>
              <p>
                <a href={`${base}/revisions`}>{t('advisory.revisionsLink', { count: view.revisions.length })}</a>
              </p>
              <p>
                <a href={`${base}/announcements`}>{t('announcements.link')}</a>
              </p>
            </Card>
          </aside>
        </div>
      </div>
    </WorkspaceLayout>
  )
}

/**
 * Where the CVE record stands at CVE Services: published (and updated), due, or refused and tried
 * again; for a withdrawn advisory, rejected (or its rejection due), or never published there.
 */
function CveRecordStatus({
  t,
  record,
  withdrawn,
  zone,
}: {
  t: Translator
  record: NonNullable<AdvisoryView['cveRecord']>
  withdrawn: boolean
  /** The organization's zone. */
  zone: string | undefined
}) {
  const when = (iso: string) => formatTime(iso, zone, t.locale)
  const due = record.dueRevision !== null && (record.pushedRevision === null || record.pushedRevision < record.dueRevision)
  let refusal: { code?: string; message?: string } = {}
  try {
    refusal = record.lastError ? (JSON.parse(record.lastError) as typeof refusal) : {}
  } catch {
    refusal = {}
  }
  const reason = refusal.code
    ? `${t(`advisory.cveRecord.error.${refusal.code}` as MessageKey)}${refusal.message ? ` (${refusal.message})` : ''}`
    : ''
  const lines: string[] = []
  if (record.firstPublishedAt && record.pushedAt && record.pushedAt !== record.firstPublishedAt)
    lines.push(t('advisory.cveRecord.updated', { first: when(record.firstPublishedAt), at: when(record.pushedAt) }))
  else if (record.firstPublishedAt) lines.push(t('advisory.cveRecord.published', { at: when(record.firstPublishedAt) }))
  const retryAt = when(record.nextAttemptAt ?? '')
  if (record.rejectedAt) lines.push(t('advisory.cveRecord.rejected', { at: when(record.rejectedAt) }))
  else if (withdrawn && record.firstPublishedAt === null) lines.push(t('advisory.cveRecord.neverPublished', { cve: record.cveId }))
  else if (withdrawn && record.rejectRequestedAt !== null)
    lines.push(record.lastError ? t('advisory.cveRecord.rejectRefused', { reason, at: retryAt }) : t('advisory.cveRecord.rejectDue'))
  else if (due && record.lastError) lines.push(t('advisory.cveRecord.refused', { reason, at: retryAt }))
  else if (due) lines.push(t('advisory.cveRecord.due', { revision: String(record.dueRevision) }))
  if (lines.length === 0) lines.push(t('advisory.cveRecord.reserved'))
  return (
    <div class="stack" data-cve-record>
      <h3>{t('advisory.cveRecord')}</h3>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </div>
  )
}
