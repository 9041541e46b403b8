import type { ChannelState } from '../domain/policy/channels.js'
import { Card } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { MessageKey } from '../i18n/messages.js'

/** How to reach the organization: each channel its policy names, accepted or refused (with the reason), or the only one. */
export function ChannelsCard({ ctx, orgSlug, channels }: { ctx: PageContext; orgSlug: string; channels: ChannelState[] }) {
  const { t } = ctx
  const shown = channels.filter((ch) => ch.kind !== 'email' || ch.address !== null || ch.state === 'refused')
  return (
    <Card title={t('channels.title')}>
      <ul class="link-list" data-channels="">
        {shown.map((ch) => (
          <li key={ch.id} data-channel={ch.id} data-state={ch.state}>
            <strong>{ch.kind === 'platform' ? (ch.name ?? ch.id) : t(`channels.kind.${ch.kind}` as MessageKey)}</strong>{' '}
            <span class="text-muted">· {t(`channels.state.${ch.state}` as MessageKey)}</span>
            {ch.state !== 'refused' ? <ChannelHow ctx={ctx} orgSlug={orgSlug} ch={ch} /> : null}
            {ch.note ? (
              <p class="text-muted">{ch.state === 'refused' ? t('channels.refusedBecause', { note: ch.note }) : ch.note}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </Card>
  )
}

function ChannelHow({ ctx, orgSlug, ch }: { ctx: PageContext; orgSlug: string; ch: ChannelState }) {
  const { t } = ctx
  if (ch.kind === 'web-form')
    return (
      <p>
        <a href={`/o/${orgSlug}/report`}>{t('org.report')}</a>
      </p>
    )
  if (ch.kind === 'api') return <p class="text-muted">{t('channels.api', { path: `/api/v1/orgs/${orgSlug}/reports` })}</p>
  if (ch.kind === 'email' && ch.address)
    return (
      <p>
        <a href={`mailto:${ch.address}`}>{ch.address}</a>
      </p>
    )
  if (ch.url)
    return (
      <p>
        <a href={ch.url} rel="noopener noreferrer">
          {ch.url}
        </a>
      </p>
    )
  return null
}

/** What a reporter is told when a channel refuses them, with the channels they can use instead (for pages, mail and the API). */
export function acceptedChannelsText(ctx: Pick<PageContext, 't'>, orgSlug: string, base: URL, channels: ChannelState[]): string {
  const { t } = ctx
  const lines = channels.map((ch) => {
    if (ch.kind === 'web-form') return `${t('channels.kind.web-form')}: ${new URL(`/o/${orgSlug}/report`, base).href}`
    if (ch.kind === 'api') return `${t('channels.kind.api')}: ${new URL(`/api/v1/orgs/${orgSlug}/reports`, base).href}`
    if (ch.kind === 'email') return `${t('channels.kind.email')}: ${ch.address ?? ''}`
    return `${ch.name ?? ch.id}: ${ch.url ?? ''}`
  })
  return lines.length > 0 ? lines.join('\n') : t('channels.noneAccepted')
}
