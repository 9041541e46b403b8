import { Button, Card, HiddenInput, TeamTime } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import { durationText } from '../i18n/format-time.js'
import type { MessageKey, Translator } from '../i18n/messages.js'
import type { ReportPolicyView } from './report-policy.js'
import { SeverityPanel } from './severity-panel.js'

/** The report's clocks under its policy version, with severity, labels, steps and "waiting on the reporter". */
export function ClockPanel({
  ctx,
  base,
  view,
  canWork,
  timeZone,
}: {
  ctx: PageContext
  base: string
  view: ReportPolicyView
  canWork: boolean
  /** The organization's zone (policy calendar); undefined shows UTC. */
  timeZone?: string | undefined
}) {
  const { t } = ctx
  const zone = timeZone ?? view.policy.calendar?.timeZone
  const csrf = <HiddenInput name="_csrf" value={ctx.csrfToken} />
  return (
    <Card title={t('clock.title')}>
      <div class="stack">
        <p class="text-muted">{t('clock.policyVersion', { version: view.version })}</p>
        <table class="clock-table">
          <thead>
            <tr>
              <th scope="col">{t('clock.title')}</th>
              <th scope="col">{t('clock.due')}</th>
              <th scope="col">{t('clock.state')}</th>
            </tr>
          </thead>
          <tbody>
            {view.clocks.map((c) => (
              <tr key={c.name} class={`clock clock--${c.state}`} data-clock={c.name} data-state={c.state}>
                <th scope="row">
                  {t(`clock.name.${c.name}` as MessageKey)} <span class="text-muted">({durationText(t, c.target)})</span>
                </th>
                <td>
                  {/* A clock counted in business days says how many are left ("in 2 business days"); others, calendar time. */}
                  <TeamTime iso={c.dueAt} zone={zone} t={t} now={ctx.now} businessDays={c.businessDaysLeft} />
                </td>
                <td>
                  {c.state === 'stopped'
                    ? t('clock.state.stopped', { reason: t(`clock.stoppedBy.${c.stoppedBy ?? 'closed'}` as MessageKey) })
                    : t(`clock.state.${c.state === 'met' && c.late ? 'met-late' : c.state}` as MessageKey)}
                </td>
              </tr>
            ))}
            {view.clockErrors.map((c) => (
              <tr key={c.name} class="clock clock--error" data-clock={c.name} data-state="error">
                <th scope="row">
                  {t(`clock.name.${c.name}` as MessageKey)} <span class="text-muted">({durationText(t, c.target)})</span>
                </th>
                <td>—</td>
                <td role="alert">{t(`clock.error.${c.reason}` as MessageKey)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {view.waiting ? <p>{t('clock.waiting')}</p> : null}
        <SeverityPanel ctx={ctx} base={base} view={view} canWork={canWork} />
        {canWork ? (
          <>
            {view.labelChoices.length > 0 ? (
              <form method="post" action={`${base}/labels`} class="stack">
                {csrf}
                <fieldset>
                  <legend>{t('clock.labels')}</legend>
                  {view.labelChoices.map((l) => (
                    <label key={l.name} class="check">
                      <input type="checkbox" name="labels" value={l.name} checked={view.labels.includes(l.name)} /> {l.name}
                      {l.description ? <span class="text-muted"> — {l.description}</span> : null}
                    </label>
                  ))}
                </fieldset>
                <Button variant="secondary">{t('clock.setLabels')}</Button>
              </form>
            ) : null}
            {!view.waiting ? (
              <form method="post" action={`${base}/waiting`}>
                {csrf}
                <Button variant="ghost">{t('clock.markWaiting')}</Button>
              </form>
            ) : null}
          </>
        ) : view.labels.length > 0 ? (
          <p>
            {t('clock.labels')}: {view.labels.join(', ')}
          </p>
        ) : null}
        {view.steps.length > 0 ? (
          <section class="stack">
            <h3>{t('clock.steps')}</h3>
            <ol class="process-steps">
              {view.steps.map((s) => (
                <li key={s.step.id} data-step={s.step.id} data-state={s.state}>
                  {s.step.title} {s.step.optional ? <span class="text-muted">({t('clock.step.optional')})</span> : null} —{' '}
                  {t(`clock.step.${s.state}` as MessageKey)}
                  {canWork && (s.state === 'open' || s.state === 'lapsed') && s.waitingFor.length === 0 ? (
                    <form method="post" action={`${base}/steps`} class="cluster">
                      {csrf}
                      <input type="hidden" name="step" value={s.step.id} />
                      <Button variant="secondary">{t('clock.step.markDone')}</Button>
                      {s.step.optional ? (
                        <Button variant="ghost" name="skip" value="1">
                          {t('clock.step.skip')}
                        </Button>
                      ) : null}
                    </form>
                  ) : null}
                </li>
              ))}
            </ol>
          </section>
        ) : null}
      </div>
    </Card>
  )
}

/** The reply form's "detailed response" part, when the policy promises one that is still owed. */
export function DetailedResponseFields({
  t,
  view,
  preset,
}: {
  t: Translator
  view: ReportPolicyView
  /** A detailed-response template was inserted (src/reply-templates): every box ticked, the date filled; the member can untick them. */
  preset?: { expectedResolution?: string | undefined } | undefined
}) {
  if (!view.detailedOwed) return null
  const ticked = preset !== undefined
  return (
    <fieldset class="stack">
      <legend>{t('reply.detailed')}</legend>
      <p class="text-muted">{t('reply.detailedHint')}</p>
      <label class="check">
        <input type="checkbox" name="detailed" value="on" checked={ticked} /> {t('reply.detailed')}
      </label>
      {view.detailedContent
        .filter((flag) => flag !== 'expected-resolution-date')
        .map((flag) => (
          <label key={flag} class="check">
            <input type="checkbox" name={`content-${flag}`} value="on" checked={ticked} /> {t(`reply.content.${flag}` as MessageKey)}
          </label>
        ))}
      {view.detailedContent.includes('expected-resolution-date') ? (
        <label class="field">
          {t('reply.expectedResolution')} <input class="input" type="date" name="expectedResolution" value={preset?.expectedResolution} />
        </label>
      ) : null}
    </fieldset>
  )
}
