import { Alert, Button } from '../../http/views/components/index.js'
import type { Translator } from '../../i18n/messages.js'
import type { ReplyTemplateChoice } from '../template-choice.js'

/**
 * "Insert a template" above the reply form: a plain GET form back to the report page with
 * `?template=<id>`, which renders the page with the reply box filled (no JavaScript; nothing is
 * changed until the member sends the reply).
 */
export function ReplyTemplatePicker({
  t,
  action,
  choice,
  manageHref,
}: {
  t: Translator
  /** The report page. */
  action: string
  choice: ReplyTemplateChoice
  /** The templates page, for members who may manage them. */
  manageHref?: string | undefined
}) {
  const option = (o: { id: string; name: string }) => (
    <option key={o.id} value={o.id} selected={o.id === choice.chosen?.id}>
      {o.name}
    </option>
  )
  return (
    <div id="reply" class="stack" data-reply-template-picker="">
      <form method="get" action={`${action}#reply`} class="cluster">
        <label class="field">
          {t('replyTemplates.choose')}{' '}
          <select class="input select" name="template">
            <optgroup label={t('replyTemplates.builtin')}>{choice.builtin.map(option)}</optgroup>
            {choice.own.length > 0 ? <optgroup label={t('replyTemplates.own')}>{choice.own.map(option)}</optgroup> : null}
          </select>
        </label>
        <Button variant="secondary">{t('replyTemplates.insert')}</Button>
        {manageHref ? <a href={manageHref}>{t('replyTemplates.manage')}</a> : null}
      </form>
      {choice.missing ? <Alert tone="warning">{t('replyTemplates.missing')}</Alert> : null}
      {choice.chosen ? (
        <Alert tone={choice.chosen.unfilled.length > 0 ? 'warning' : 'info'}>
          {choice.chosen.unfilled.length > 0
            ? t('replyTemplates.insertedUnfilled', {
                name: choice.chosen.name,
                unfilled: choice.chosen.unfilled.map((p) => `{{${p}}}`).join(', '),
              })
            : t('replyTemplates.inserted', { name: choice.chosen.name })}
        </Alert>
      ) : null}
    </div>
  )
}
