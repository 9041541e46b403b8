import { craKinds } from '../../domain/regulation/cra-clocks.js'
import { localInputValue } from '../../domain/regulation/local-time.js'
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  HiddenInput,
  KeyValue,
  Markdown,
  PageHeader,
  RadioGroup,
  TeamTime,
  TextArea,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import { renderMarkdown } from '../../http/views/markdown.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { Role } from '../../storage/schema.js'
import type { CraContext } from '../load-case.js'
import { CraClockTable } from './clock-table.js'

/** What a CRA page confirms after a change (the flash's text: `cra.done.<done>`). */
export type Done = 'marked' | 'measure' | 'saved' | 'filed'

/** A report's CRA case: marking it, its clocks, the measure, links to each stage's form and to the notice to users. */
export function CraCasePage({ ctx, role, c, now }: { ctx: PageContext; role: Role; c: CraContext; now: string }) {
  const { t } = ctx
  const when = (iso: string) => <TeamTime iso={iso} zone={c.timeZone} t={t} now={ctx.now} />
  const base = `/w/${c.org.slug}/reports/${c.report.ref}/cra`
  const canWork = role !== 'viewer'
  const cra = c.craCase
  return (
    <WorkspaceLayout ctx={ctx} org={c.org} role={role} current="cra" title={`${c.report.ref} · ${t('cra.title')}`}>
      <div class="container stack">
        <PageHeader
          title={t('cra.title')}
          subtitle={c.report.ref}
          actions={<a href={`/w/${c.org.slug}/reports/${c.report.ref}`}>{c.report.ref}</a>}
        />
        {!c.readable ? <p class="text-muted">{t('restricted.hidden')}</p> : null}
        {c.readable && !cra && !c.settings?.manufacturer ? <Alert tone="info">{t('cra.overview.notManufacturer')}</Alert> : null}
        {c.readable && !cra && c.settings?.manufacturer && canWork ? (
          <Card title={t('cra.mark.title')}>
            <form method="post" action={base} class="stack">
              <HiddenInput name="_csrf" value={ctx.csrfToken} />
              <RadioGroup
                name="kind"
                legend={t('cra.mark.kind')}
                value="vulnerability"
                options={craKinds.map((k) => ({
                  value: k,
                  label: t(`cra.kind.${k}` as MessageKey),
                  hint: t(`cra.kind.${k}.hint` as MessageKey),
                }))}
              />
              <TextInput
                name="awareAt"
                type="datetime-local"
                label={t('cra.mark.awareAt')}
                hint={t('cra.mark.awareAt.hint', { zone: c.timeZone })}
                value={localInputValue(now, c.timeZone)}
                required
              />
              <TextArea name="evidence" label={t('cra.mark.evidence')} hint={t('cra.mark.evidence.hint')} rows={5} required />
              <Button variant="primary">{t('cra.mark.button')}</Button>
            </form>
          </Card>
        ) : null}
        {c.readable && cra ? (
          <>
            <Card title={t(`cra.kind.${cra.kind}` as MessageKey)}>
              <KeyValue
                items={[
                  { label: t('cra.case.aware'), value: when(cra.awareAt) },
                  ...(cra.kind === 'vulnerability'
                    ? [
                        {
                          label: t('cra.case.measure'),
                          value: cra.measureAt ? when(cra.measureAt) : t('cra.case.measure.none'),
                        },
                      ]
                    : []),
                  ...(c.settings?.memberState ? [{ label: t('cra.case.memberState'), value: c.settings.memberState }] : []),
                  ...(c.settings?.csirt ? [{ label: t('cra.case.csirt'), value: c.settings.csirt }] : []),
                  { label: t('cra.case.evidence'), value: <Markdown html={renderMarkdown(cra.evidence)} /> },
                ]}
              />
            </Card>
            <Card title={t('cra.case.clocks')}>
              <CraClockTable ctx={ctx} kind={cra.kind} clocks={c.clocks} zone={c.timeZone} stageHref={(stage) => `${base}/${stage}`} />
              <p class="text-muted">{t('cra.notSubmitted')}</p>
            </Card>
            {cra.kind === 'vulnerability' && canWork && !cra.filings['final-report'] ? (
              <Card title={t('cra.measure.title')}>
                <form method="post" action={`${base}/measure`} class="stack">
                  <HiddenInput name="_csrf" value={ctx.csrfToken} />
                  <TextInput
                    name="measureAt"
                    type="datetime-local"
                    label={t('cra.measure.at')}
                    hint={t('cra.measure.hint', { zone: c.timeZone })}
                    value={localInputValue(cra.measureAt ?? now, c.timeZone)}
                    required
                  />
                  <Button>{t('cra.measure.button')}</Button>
                </form>
              </Card>
            ) : null}
            <p>
              <ButtonLink href={`${base}/notice`}>{t('cra.notice.link')}</ButtonLink>
            </p>
          </>
        ) : null}
      </div>
    </WorkspaceLayout>
  )
}
