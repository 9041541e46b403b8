import { craStageFields } from '../../domain/regulation/cra-forms.js'
import { localInputValue } from '../../domain/regulation/local-time.js'
import {
  Button,
  ButtonLink,
  Card,
  HiddenInput,
  PageHeader,
  TextArea,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'
import type { StageView } from '../load-stage.js'
import { CraClockTable } from './clock-table.js'

/** One stage's form, pre-filled from the report and the advisory, its exports, and the record of its filing. */
export function CraStagePage({ ctx, role, view, now }: { ctx: PageContext; role: Role; view: StageView; now: string }) {
  const { t } = ctx
  const { ctx: c, kind, stage, exported } = view
  const base = `/w/${c.org.slug}/reports/${c.report.ref}/cra/${stage}`
  const canWork = role !== 'viewer'
  const clock = c.clocks.filter((k) => k.stage === stage)
  const values = Object.fromEntries(exported.fields.map((f) => [f.key, f.answer]))
  const stageName = t(`cra.stage.${stage}` as MessageKey)
  return (
    <WorkspaceLayout ctx={ctx} org={c.org} role={role} current="cra" title={`${c.report.ref} · ${stageName}`}>
      <div class="container stack">
        <PageHeader
          title={stageName}
          subtitle={`${c.report.ref} · ${t(`cra.kind.${kind}` as MessageKey)} · ${exported.article}`}
          actions={<a href={`/w/${c.org.slug}/reports/${c.report.ref}/cra`}>{t('cra.title')}</a>}
        />
        <CraClockTable ctx={ctx} kind={kind} clocks={clock} zone={c.timeZone} />
        <Card title={stageName}>
          <form method="post" action={base} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            {craStageFields[kind][stage].map((spec) =>
              spec.long ? (
                <TextArea
                  key={spec.key}
                  name={spec.key}
                  label={t(`cra.field.${spec.key}` as MessageKey)}
                  hint={t('cra.stage.asks', { asks: spec.asks })}
                  value={values[spec.key] ?? ''}
                  rows={4}
                />
              ) : (
                <TextInput
                  key={spec.key}
                  name={spec.key}
                  label={t(`cra.field.${spec.key}` as MessageKey)}
                  hint={t('cra.stage.asks', { asks: spec.asks })}
                  value={values[spec.key] ?? ''}
                  maxLength={2000}
                />
              ),
            )}
            {canWork && !clock[0]?.filing ? <Button variant="primary">{t('cra.stage.save')}</Button> : null}
          </form>
        </Card>
        <Card title={t('cra.stage.exports')}>
          <div class="stack">
            <p class="text-muted">{t('cra.notSubmitted')}</p>
            <p>
              <ButtonLink href={`${base}/export.json`}>{t('cra.stage.json')}</ButtonLink>{' '}
              <ButtonLink href={`${base}/print`}>{t('cra.stage.print')}</ButtonLink>
            </p>
          </div>
        </Card>
        {canWork && !clock[0]?.filing ? (
          <Card title={t('cra.stage.filed.title')}>
            {clock[0]?.state === 'waiting' ? (
              <p class="text-muted">{t('cra.stage.filed.waiting')}</p>
            ) : (
              <form method="post" action={`${base}/filed`} class="stack">
                <HiddenInput name="_csrf" value={ctx.csrfToken} />
                <TextInput
                  name="filedAt"
                  type="datetime-local"
                  label={t('cra.stage.filed.at')}
                  value={localInputValue(now, c.timeZone)}
                  required
                />
                <TextInput name="reference" label={t('cra.stage.filed.reference')} maxLength={200} required />
                <Button variant="primary">{t('cra.stage.filed.button')}</Button>
              </form>
            )}
          </Card>
        ) : null}
      </div>
    </WorkspaceLayout>
  )
}
