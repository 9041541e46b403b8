import { placeholders } from '../../domain/reply-template/placeholders.js'
import { Card } from '../../http/views/components/index.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'

/** The placeholders a template may use, and what each becomes in a reply. */
export function PlaceholderList({ t }: { t: Translator }) {
  return (
    <Card title={t('replyTemplates.placeholders')}>
      <div class="stack">
        <p class="text-muted">{t('replyTemplates.placeholders.hint')}</p>
        <dl>
          {placeholders.map((p) => (
            <div key={p}>
              <dt>
                <code>{`{{${p}}}`}</code>
              </dt>
              <dd>{t(`replyTemplates.placeholder.${p}` as MessageKey)}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  )
}
