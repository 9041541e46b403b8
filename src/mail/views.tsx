import {
  Alert,
  Button,
  Card,
  Cell,
  HiddenInput,
  KeyValue,
  PageHeader,
  RadioGroup,
  Table,
  TeamTime,
  TextArea,
  TextInput,
  WorkspaceLayout,
} from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { Role } from '../storage/schema.js'

export interface MailAdminData {
  securityAddress: string | null
  encryptionRequired: boolean
  fingerprint: string | null
  publicKeyUrl: string
  relayConfigured: boolean
  queued: number
  dead: { id: string; attempts: number; lastError: string | null; deadAt: string | null }[]
  quarantined: { id: string; receivedAt: string; reason: string | null }[]
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
}

export function MailAdminPage({
  ctx,
  org,
  role,
  data,
  notice,
  problem,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  data: MailAdminData
  notice?: string | undefined
  problem?: string | undefined
}) {
  const { t } = ctx
  const base = `/w/${org.slug}/admin/mail`
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="mail" title={t('mailAdmin.title')}>
      <div class="container stack">
        <PageHeader title={t('mailAdmin.title')} />
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        {data.relayConfigured ? (
          data.queued > 0 ? (
            <p>{t('mailAdmin.queued', { count: data.queued })}</p>
          ) : null
        ) : (
          <Alert tone="warning">{t('mailAdmin.relayOff', { count: data.queued })}</Alert>
        )}
        <Card title={t('mailAdmin.address')}>
          <form method="post" action={`${base}/settings`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput
              name="address"
              type="email"
              label={t('mailAdmin.address')}
              hint={t('mailAdmin.addressHint')}
              value={data.securityAddress ?? ''}
              required
            />
            <RadioGroup
              name="encryptionRequired"
              legend={t('mailAdmin.encryptionRequired')}
              value={data.encryptionRequired ? 'yes' : 'no'}
              options={[
                { value: 'yes', label: t('yes') },
                { value: 'no', label: t('no') },
              ]}
            />
            <Button variant="primary">{t('mailAdmin.save')}</Button>
          </form>
        </Card>
        <Card title={t('mailAdmin.key')}>
          {data.fingerprint ? (
            <KeyValue
              items={[
                { label: t('mailAdmin.fingerprint'), value: <code>{data.fingerprint}</code> },
                { label: t('mailAdmin.publishedAt'), value: <a href={data.publicKeyUrl}>{data.publicKeyUrl}</a> },
              ]}
            />
          ) : (
            <p>{data.securityAddress ? t('mailAdmin.noKey') : t('mailAdmin.needAddress')}</p>
          )}
          <form method="post" action={`${base}/key/generate`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <Button>{t('mailAdmin.generate')}</Button>
          </form>
          <form method="post" action={`${base}/key/import`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextArea name="privateKey" label={t('mailAdmin.privateKey')} rows={6} required />
            <TextInput name="passphrase" type="password" label={t('mailAdmin.passphrase')} autocomplete="off" />
            <Button>{t('mailAdmin.import')}</Button>
          </form>
        </Card>
        <Card title={t('mailAdmin.dead')}>
          {data.dead.length === 0 ? (
            <p>{t('mailAdmin.noDead')}</p>
          ) : (
            <Table head={[t('mailAdmin.deadAt'), t('mailAdmin.attempts'), t('mailAdmin.error'), t('table.actions')]}>
              {data.dead.map((d) => (
                <tr key={d.id}>
                  <Cell rowHeader kind="nowrap" label={t('mailAdmin.deadAt')}>
                    {d.deadAt ? <TeamTime iso={d.deadAt} zone={data.timeZone} t={t} now={ctx.now} /> : null}
                  </Cell>
                  <Cell kind="num" label={t('mailAdmin.attempts')}>
                    {d.attempts}
                  </Cell>
                  <Cell label={t('mailAdmin.error')}>{d.lastError}</Cell>
                  <Cell>
                    <form method="post" action={`${base}/outbox/${d.id}/retry`}>
                      <HiddenInput name="_csrf" value={ctx.csrfToken} />
                      <Button>{t('mailAdmin.retry')}</Button>
                    </form>
                  </Cell>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card title={t('mailAdmin.quarantine')}>
          {data.quarantined.length === 0 ? (
            <p>{t('mailAdmin.noQuarantine')}</p>
          ) : (
            <Table head={[t('mailAdmin.received'), t('mailAdmin.reason')]}>
              {data.quarantined.map((q) => (
                <tr key={q.id}>
                  <Cell rowHeader kind="nowrap" label={t('mailAdmin.received')}>
                    <TeamTime iso={q.receivedAt} zone={data.timeZone} t={t} now={ctx.now} />
                  </Cell>
                  <Cell label={t('mailAdmin.reason')}>{q.reason}</Cell>
                </tr>
              ))}
            </Table>
          )}
        </Card>
      </div>
    </WorkspaceLayout>
  )
}
