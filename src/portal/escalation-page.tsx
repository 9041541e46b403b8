import { Alert, Button, Card, HiddenInput, Layout, PageHeader } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import { formatTimeWithUtc } from '../i18n/format-time.js'
import type { EscalationOffer } from './reporter-escalation.js'

export function targetLabel(ctx: PageContext, offer: Extract<EscalationOffer, { state: 'available' }>): string {
  const { t } = ctx
  if (offer.target.kind === 'contact') return t('escalate.target.contact', { name: offer.targetName ?? offer.target.contactId })
  return t(offer.target.kind === 'assignee' ? 'escalate.target.assignee' : 'escalate.target.team')
}

export function EscalationPage(props: {
  ctx: PageContext
  org: { slug: string; name: string }
  offer: EscalationOffer
  sent?: string | undefined
  /** The zone of the report's policy calendar (else the organization's): a reporter reads it and UTC. */
  zone?: string | undefined
}) {
  const { ctx, org, offer, sent, zone } = props
  const { t } = ctx
  const when = (iso: string) => formatTimeWithUtc(t, iso, zone)
  return (
    <Layout
      title={t('escalate.title')}
      t={t}
      user={ctx.user}
      csrfToken={ctx.csrfToken}
      flash={ctx.flash}
      languages={ctx.languages}
      org={org}
    >
      <div class="container stack">
        <PageHeader
          title={t('escalate.title')}
          subtitle={offer.state === 'not-offered' ? t('escalate.policyOff', { org: org.name }) : t('escalate.lead', { org: org.name })}
        />
        {sent ? <Alert tone="success">{t('escalate.sent', { target: sent })}</Alert> : null}
        <Card title={t('escalate.title')}>
          {offer.state === 'available' ? (
            <form method="post" action="/follow-up/escalate" class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <p>{t('escalate.next', { target: targetLabel(ctx, offer) })}</p>
              <Button variant="primary">{t('escalate.button')}</Button>
            </form>
          ) : offer.state === 'not-yet' ? (
            <p>{t('escalate.notYet', { date: when(offer.from) })}</p>
          ) : offer.state === 'wait' ? (
            <p>{t('escalate.wait', { date: when(offer.from) })}</p>
          ) : offer.state === 'done' ? (
            <p>{t('escalate.done')}</p>
          ) : offer.state === 'not-needed' ? (
            <p>{offer.stoppedBy ? t('escalate.reportClosed') : t('escalate.answered')}</p>
          ) : (
            <p>{t('escalate.notOffered')}</p>
          )}
        </Card>
        <p>
          <a href="/follow-up">{t('portal.title', { ref: '' }).trim()}</a>
        </p>
      </div>
    </Layout>
  )
}
