import { type CreditRole, creditRoles } from '../../domain/advisory/advisory.js'
import { Button, Card, HiddenInput, Select, TextInput } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'
import type { RecognitionPanelView } from '../load-recognition.js'

export const roleLabel = (t: Translator, role: CreditRole) => t(`credit.role.${role}` as MessageKey)
const roleOptions = (t: Translator) => creditRoles.map((role) => ({ value: role, label: roleLabel(t, role) }))

/**
 * Recognition on the team's report page: the credit lines (the reporter's with their consent
 * state and whether it is public as things stand), the policy's rewards assessed for the report,
 * recorded and sent. Names are rendered as text, never markup.
 */
export function RecognitionPanel({
  ctx,
  base,
  panel,
  canWork,
  when,
}: {
  ctx: PageContext
  base: string
  panel: RecognitionPanelView
  canWork: boolean
  when: (iso: string) => string
}) {
  const { t } = ctx
  if (!panel.readable) {
    return (
      <Card title={t('recognition.title')}>
        <p class="text-muted">{t('restricted.hidden')}</p>
      </Card>
    )
  }
  return (
    <Card title={t('recognition.title')}>
      <div class="stack" id="recognition">
        <p class="text-muted">{t(`recognition.mode.${panel.mode}` as MessageKey)}</p>
        {panel.credits.length === 0 ? (
          <p class="text-muted">{t('recognition.credit.none')}</p>
        ) : (
          <ul class="link-list">
            {panel.credits.map((c) => (
              <li key={c.id} class="stack">
                <p>
                  <strong>{c.name}</strong> <span class="text-muted">{roleLabel(t, c.role)}</span>
                </p>
                <p class="text-muted">
                  {c.subject === 'reporter' ? t(`recognition.consent.${c.consent}` as MessageKey) : t('recognition.credit.byTeam')}
                  {' · '}
                  {c.publicNow ? t('recognition.credit.public') : t('recognition.credit.notPublic')}
                </p>
                {canWork ? (
                  <form method="post" action={`${base}/credits/${c.id}/remove`}>
                    <HiddenInput name="_csrf" value={ctx.csrfToken} />
                    <Button variant="ghost">{t('recognition.credit.remove')}</Button>
                  </form>
                ) : null}
              </li>
            ))}
          </ul>
        )}
        {canWork && panel.mode !== 'never' ? (
          <form method="post" action={`${base}/credits/reporter`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput name="name" label={t('recognition.propose.name')} value={panel.proposal.name} maxLength={200} required />
            <Select name="role" label={t('recognition.credit.role')} value={panel.proposal.role} options={roleOptions(t)} />
            <p class="text-muted">{t('recognition.propose.hint')}</p>
            <Button variant="primary">{t('recognition.propose.button')}</Button>
          </form>
        ) : null}
        {canWork ? (
          <form method="post" action={`${base}/credits`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <TextInput name="name" label={t('recognition.add.name')} maxLength={200} required />
            <Select name="role" label={t('recognition.credit.role')} value="analyst" options={roleOptions(t)} />
            <Button>{t('recognition.add.button')}</Button>
          </form>
        ) : null}
        <h3>{t('recognition.rewards')}</h3>
        {panel.rewards.length === 0 ? <p class="text-muted">{t('recognition.rewards.none')}</p> : null}
        <ul class="link-list">
          {panel.rewards.map((r) => (
            <li key={r.index} class="stack">
              <p>
                <strong>{t(`reward.kind.${r.kind}` as MessageKey)}</strong> {r.description}
              </p>
              <p class="text-muted">
                {t(`recognition.standing.${r.standing}` as MessageKey)}
                {r.conditions.map(
                  (c) => ` · ${t(`reward.condition.${c.condition}` as MessageKey)}: ${t(`recognition.condition.${c.state}` as MessageKey)}`,
                )}
              </p>
              {r.recorded ? (
                <p>
                  {t('recognition.reward.recorded', { at: when(r.recorded.createdAt) })}
                  {r.recorded.amount !== null ? ` · ${r.recorded.amount} ${r.recorded.currency ?? ''}` : ''}
                  {' · '}
                  {r.recorded.sentAt ? t('recognition.reward.sent', { at: when(r.recorded.sentAt) }) : t('recognition.reward.notSent')}
                </p>
              ) : null}
              {canWork && r.recorded && !r.recorded.sentAt ? (
                <form method="post" action={`${base}/rewards/${r.recorded.id}/sent`}>
                  <HiddenInput name="_csrf" value={ctx.csrfToken} />
                  <Button>{t('recognition.reward.markSent')}</Button>
                </form>
              ) : null}
              {canWork && !r.recorded && r.standing !== 'does-not-apply' ? (
                <form method="post" action={`${base}/rewards`} class="stack">
                  <HiddenInput name="_csrf" value={ctx.csrfToken} />
                  <HiddenInput name="reward" value={String(r.index)} />
                  {r.kind === 'money' ? (
                    <>
                      <TextInput
                        name="amount"
                        label={t('recognition.reward.amount')}
                        value={r.amount ? String(r.amount.value) : ''}
                        maxLength={8}
                      />
                      <TextInput name="currency" label={t('recognition.reward.currency')} value={r.amount?.currency ?? ''} maxLength={3} />
                    </>
                  ) : null}
                  <Button>{t('recognition.reward.record')}</Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      </div>
    </Card>
  )
}
