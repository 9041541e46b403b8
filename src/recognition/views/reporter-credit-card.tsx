import { Button, Card, HiddenInput, TextInput } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { ReporterCreditView } from '../load-recognition.js'
import { roleLabel } from './recognition-panel.js'

/**
 * On the follow-up page: the credit line the team proposes, as the public would read it, and the
 * reporter's answer — accept (under the name in the field, which they may change) or decline.
 */
export function ReporterCreditCard({ ctx, credit, error }: { ctx: PageContext; credit: ReporterCreditView; error?: string | undefined }) {
  const { t } = ctx
  return (
    <Card title={t('portal.credit.title')}>
      <div class="stack" id="credit">
        <p>
          {t('portal.credit.proposed')} <strong class="credit-line">{credit.name}</strong> ({roleLabel(t, credit.role)})
        </p>
        <p class="text-muted">{t(`portal.credit.state.${credit.consent}` as MessageKey)}</p>
        <p class="text-muted">{credit.publicNow ? t('portal.credit.publicNow') : t('portal.credit.notPublicNow')}</p>
        <form method="post" action="/follow-up/credit" class="stack">
          <HiddenInput name="_csrf" value={ctx.csrfToken} />
          <TextInput
            name="name"
            label={t('portal.credit.name')}
            value={credit.name}
            maxLength={200}
            error={error}
            hint={t('portal.credit.nameHint')}
          />
          <div class="cluster">
            <Button variant="primary" name="answer" value="accept">
              {t('portal.credit.accept')}
            </Button>
            <Button name="answer" value="decline">
              {t('portal.credit.decline')}
            </Button>
          </div>
        </form>
      </div>
    </Card>
  )
}
