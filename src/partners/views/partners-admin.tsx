import type { Partner, PartnerField, PartnerProblem } from '../../domain/partner/partner.js'
import { partnerKinds } from '../../domain/partner/partner.js'
import {
  Alert,
  Button,
  Card,
  HiddenInput,
  KeyValue,
  PageHeader,
  Select,
  TextArea,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'

export type PartnerFormValues = Record<
  'name' | 'kind' | 'maxEmbargo' | 'excludedLabels' | 'excludedPrograms' | 'address' | 'publicKey',
  string
>

export const emptyPartnerForm: PartnerFormValues = {
  name: '',
  kind: 'distribution',
  maxEmbargo: '',
  excludedLabels: '',
  excludedPrograms: '',
  address: '',
  publicKey: '',
}

type Errors = Partial<Record<PartnerField, PartnerProblem>>

const problemText = (t: Translator, errors: Errors, field: PartnerField) =>
  errors[field] ? t(`partners.problem.${errors[field]}` as MessageKey) : undefined

const kindOptions = (t: Translator) => partnerKinds.map((k) => ({ value: k, label: t(`partners.kind.${k}` as MessageKey) }))

/** The partner's settings fields, shared by the add and edit forms. */
function SettingsFields({ t, values, errors }: { t: Translator; values: PartnerFormValues; errors: Errors }) {
  return (
    <>
      <TextInput
        name="name"
        label={t('partners.name')}
        value={values.name}
        error={problemText(t, errors, 'name')}
        required
        maxLength={200}
      />
      <Select name="kind" label={t('partners.kind')} value={values.kind} options={kindOptions(t)} error={problemText(t, errors, 'kind')} />
      <TextInput
        name="maxEmbargo"
        label={t('partners.maxEmbargo')}
        hint={t('partners.maxEmbargo.hint')}
        value={values.maxEmbargo}
        error={problemText(t, errors, 'maxEmbargo')}
      />
      <TextInput name="excludedLabels" label={t('partners.excludedLabels')} hint={t('partners.list.hint')} value={values.excludedLabels} />
      <TextInput
        name="excludedPrograms"
        label={t('partners.excludedPrograms')}
        hint={t('partners.list.hint')}
        value={values.excludedPrograms}
      />
    </>
  )
}

function ContactFields({ t, values, errors }: { t: Translator; values: Pick<PartnerFormValues, 'address' | 'publicKey'>; errors: Errors }) {
  return (
    <>
      <TextInput
        name="address"
        type="email"
        label={t('partners.contact.address')}
        value={values.address}
        error={problemText(t, errors, 'address')}
        required
      />
      <TextArea
        name="publicKey"
        label={t('partners.contact.key')}
        hint={t('partners.contact.keyHint')}
        value={values.publicKey}
        rows={4}
        error={problemText(t, errors, 'publicKey')}
      />
    </>
  )
}

function PartnerCard({ ctx, org, p }: { ctx: PageContext; org: { slug: string }; p: Partner }) {
  const { t } = ctx
  const base = `/w/${org.slug}/admin/partners/${p.id}`
  const csrf = <HiddenInput name="_csrf" value={ctx.csrfToken} />
  return (
    <Card title={p.name}>
      <KeyValue
        items={[
          { label: t('partners.kind'), value: t(`partners.kind.${p.kind}` as MessageKey) },
          { label: t('partners.maxEmbargo'), value: p.maxEmbargo ?? t('partners.noLimit') },
          { label: t('partners.excludedLabels'), value: p.excludedLabels.join(', ') || '—' },
          { label: t('partners.excludedPrograms'), value: p.excludedPrograms.join(', ') || '—' },
        ]}
      />
      <h3>{t('partners.contacts')}</h3>
      <ul>
        {p.contacts.map((c, i) => (
          <li key={c.address}>
            {c.address} — {c.publicKey ? t('partners.contact.encrypted') : t('partners.contact.linkOnly')}
            {p.contacts.length > 1 ? (
              <form method="post" action={`${base}/contacts/${i}/remove`} class="inline">
                {csrf}
                <Button variant="secondary">{t('partners.contact.remove')}</Button>
              </form>
            ) : null}
          </li>
        ))}
      </ul>
      <details>
        <summary>{t('partners.contact.add')}</summary>
        <form method="post" action={`${base}/contacts`} class="stack">
          {csrf}
          <ContactFields t={t} values={{ address: '', publicKey: '' }} errors={{}} />
          <Button>{t('partners.contact.add')}</Button>
        </form>
      </details>
      <p>
        <a href={base}>{t('partners.edit')}</a>
      </p>
      <form method="post" action={`${base}/remove`}>
        {csrf}
        <Button variant="danger">{t('partners.remove')}</Button>
      </form>
    </Card>
  )
}

/** The organization's partners (issue 12, item 1): who may get early notice, how long they accept an embargo, and how to reach them. */
export function PartnersAdminPage({
  ctx,
  org,
  role,
  partners,
  values = emptyPartnerForm,
  errors = {},
  problem,
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  partners: Partner[]
  values?: PartnerFormValues
  errors?: Errors
  problem?: string | undefined
}) {
  const { t } = ctx
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="partners" title={t('partners.title')}>
      <div class="container stack">
        <PageHeader title={t('partners.title')} />
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        <p>{t('partners.lead')}</p>
        {partners.length === 0 ? <p class="text-muted">{t('partners.none')}</p> : null}
        {partners.map((p) => (
          <PartnerCard key={p.id} ctx={ctx} org={org} p={p} />
        ))}
        <Card title={t('partners.add')}>
          <form method="post" action={`/w/${org.slug}/admin/partners`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <SettingsFields t={t} values={values} errors={errors} />
            <ContactFields t={t} values={values} errors={errors} />
            <Button variant="primary">{t('partners.add')}</Button>
          </form>
        </Card>
      </div>
    </WorkspaceLayout>
  )
}

/** One partner's settings, to change (its contacts are changed on the list). */
export function PartnerEditPage({
  ctx,
  org,
  role,
  partnerId,
  values,
  errors = {},
}: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  partnerId: string
  values: PartnerFormValues
  errors?: Errors
}) {
  const { t } = ctx
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="partners" title={t('partners.edit')}>
      <div class="container stack">
        <PageHeader title={t('partners.edit')} subtitle={values.name} />
        <Card>
          <form method="post" action={`/w/${org.slug}/admin/partners/${partnerId}`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <SettingsFields t={t} values={values} errors={errors} />
            <Button variant="primary">{t('partners.save')}</Button>
          </form>
        </Card>
        <p>
          <a href={`/w/${org.slug}/admin/partners`}>{t('partners.backToList')}</a>
        </p>
      </div>
    </WorkspaceLayout>
  )
}
