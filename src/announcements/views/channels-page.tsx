import {
  Alert,
  Button,
  Card,
  Cell,
  HiddenInput,
  PageHeader,
  SecretBox,
  Select,
  Table,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { ChannelSummary } from '../../storage/repositories/announcement-repository.js'
import type { Role } from '../../storage/schema.js'
import type { ChannelField, ChannelForm } from '../use-cases/configure-channel.js'

/** One of the policy's `disclosure.announcements[]`, with its delivery if one is set. */
export interface PolicyChannel {
  kind: string
  name: string
  url?: string
  configured?: ChannelSummary
}

export interface ChannelsPageProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  channels: PolicyChannel[]
  /** The channel whose form is open (`?channel=`), with what was typed and what was wrong. */
  editing?: { channel: PolicyChannel; values: Omit<ChannelForm, 'token'>; errors?: Partial<Record<ChannelField, string>> }
  /** A new signing secret, shown this once. */
  secret?: { name: string; value: string }
}

const deliveryKey = (d: string) => `announceAdmin.delivery.${d}` as MessageKey

/** The administrator's announcement channels: the policy's list, how each is delivered, and the form of one. */
export function ChannelsPage({ ctx, org, role, channels, editing, secret }: ChannelsPageProps) {
  const { t } = ctx
  const base = `/w/${org.slug}/admin/announcements`
  const head = [t('announcements.channel'), t('announceAdmin.delivery'), t('table.actions')]
  const problem = (field: ChannelField) =>
    editing?.errors?.[field] ? t(`announceAdmin.problem.${editing.errors[field]}` as MessageKey) : undefined
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="announcements" title={t('announceAdmin.title')}>
      <div class="container stack">
        <PageHeader title={t('announceAdmin.title')} />
        {secret ? (
          <SecretBox label={t('announceAdmin.secretLabel', { name: secret.name })} value={secret.value}>
            <p>{t('announceAdmin.secretNote')}</p>
          </SecretBox>
        ) : null}
        <p>{t('announceAdmin.lead')}</p>
        {channels.length === 0 ? (
          <p>{t('announceAdmin.none')}</p>
        ) : (
          <Table head={head} stack>
            {channels.map((c) => (
              <tr key={c.name}>
                <Cell label={head[0]} kind="title" rowHeader>
                  {c.name} ({c.kind}){c.url ? ` · ${c.url}` : ''}
                </Cell>
                <Cell label={head[1]}>
                  {c.configured
                    ? t('announceAdmin.deliversTo', { delivery: t(deliveryKey(c.configured.delivery)), target: c.configured.target })
                    : t('announceAdmin.notConfigured')}
                </Cell>
                <Cell label={head[2]}>
                  <a href={`${base}?channel=${encodeURIComponent(c.name)}`}>{t('announceAdmin.edit', { name: c.name })}</a>
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        {editing ? (
          <Card title={editing.channel.name}>
            <form method="post" action={base} class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <HiddenInput name="name" value={editing.channel.name} />
              {problem('name') ? <Alert tone="danger">{problem('name')}</Alert> : null}
              <Select
                name="delivery"
                label={t('announceAdmin.delivery')}
                value={editing.values.delivery}
                options={(['mail', 'slack', 'matrix', 'webhook'] as const).map((d) => ({ value: d, label: t(deliveryKey(d)) }))}
              />
              <TextInput
                name="address"
                type="email"
                label={t('announceAdmin.address')}
                value={editing.values.address}
                error={problem('address')}
              />
              <TextInput
                name="url"
                type="url"
                label={t('announceAdmin.url')}
                hint={t('announceAdmin.urlHint')}
                value={editing.values.url}
                error={problem('url')}
              />
              <TextInput
                name="homeserver"
                type="url"
                label={t('announceAdmin.homeserver')}
                value={editing.values.homeserver}
                error={problem('homeserver')}
              />
              <TextInput name="room" label={t('announceAdmin.room')} value={editing.values.room} error={problem('room')} />
              <TextInput
                name="token"
                type="password"
                label={t('announceAdmin.token')}
                hint={t('announceAdmin.tokenHint')}
                error={problem('token')}
                autocomplete="off"
              />
              <Button variant="primary">{t('announceAdmin.save', { name: editing.channel.name })}</Button>
            </form>
            {editing.channel.configured ? (
              <form method="post" action={`${base}/remove`} class="stack">
                <HiddenInput name="_csrf" value={ctx.csrfToken} />
                <HiddenInput name="name" value={editing.channel.name} />
                <Button>{t('announceAdmin.remove', { name: editing.channel.name })}</Button>
              </form>
            ) : null}
          </Card>
        ) : null}
      </div>
    </WorkspaceLayout>
  )
}
