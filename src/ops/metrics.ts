import diagnostics from 'node:diagnostics_channel'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import type { Deps } from '../deps.js'
import { type SmtpOutcome, smtpOutcomes } from '../mail/index.js'
import { type InstanceFigures, readInstanceFigures } from '../storage/repositories/ops-repository.js'

/**
 * The Prometheus metrics of one process. Two sorts:
 *
 * - this process's own: HTTP requests by route pattern and status, their durations, mail the SMTP
 *   listener accepted or refused, event-loop lag and the process figures (memory, CPU, handles);
 * - the instance's, read from the database at each scrape: reports received by channel, inbound
 *   mail by source and state, the outbox's depth and oldest age by kind, the dead letters, and how
 *   late the clock scheduler is. Every process reports the same instance figures (aggregate them
 *   with `max`, not `sum`), and they survive restarts since the database is their source.
 *
 * Labels never carry a request's URL, a report reference, a token or an address: the route label
 * is the pattern Fastify matched (`/w/:org/reports/:ref`), or `unmatched`.
 */
export interface Metrics {
  registry: Registry
  /** Counts one answered request. */
  observeRequest(method: string, route: string, status: number, seconds: number): void
  /** Stops listening to the process-wide channels (the registry stays readable). */
  close(): void
}

export function createMetrics(deps: Pick<Deps, 'db' | 'now'>): Metrics {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 })

  const requests = new Counter({
    name: 'embargo_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  })
  const durations = new Histogram({
    name: 'embargo_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  const smtp = new Counter({
    name: 'embargo_smtp_mail_total',
    help: 'Mail the SMTP listener of this process answered: accepted (stored, 250) or refused, with the reason',
    labelNames: ['outcome', 'reason'] as const,
    registers: [registry],
  })
  const onSmtp = (message: unknown) => {
    const o = message as SmtpOutcome
    smtp.inc({ outcome: o.outcome, reason: o.outcome === 'refused' ? o.reason : '' })
  }
  diagnostics.subscribe(smtpOutcomes.name, onSmtp)

  // The instance's figures: one database read per scrape, shared by the metrics below.
  let figures: ReturnType<typeof readInstanceFigures> | null = null
  const read = () => {
    figures ??= readInstanceFigures(deps.db).finally(() => {
      figures = null
    })
    return figures
  }
  const secondsSince = (iso: string) => Math.max(0, (deps.now().getTime() - Date.parse(iso)) / 1000)

  new Counter({
    name: 'embargo_reports_received_total',
    help: 'Reports received by the instance (web form, API, mail, recorded by the team), by channel',
    labelNames: ['channel'] as const,
    registers: [registry],
    async collect() {
      const f = await read()
      this.reset()
      for (const r of f.reportsByChannel) this.inc({ channel: r.channel }, r.count)
    },
  })
  // Gauges by label: a series seen once stays, at 0, when its rows are gone (a drained outbox reads
  // 0, not "no data", so alerts on it keep working).
  const gaugeBy = (
    name: string,
    help: string,
    labelNames: string[],
    rows: (f: InstanceFigures) => Array<[Record<string, string>, number]>,
  ) => {
    const seen = new Map<string, Record<string, string>>()
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const current = rows(await read())
        for (const labels of seen.values()) this.set(labels, 0)
        for (const [labels, value] of current) {
          seen.set(JSON.stringify(labels), labels)
          this.set(labels, value)
        }
      },
    })
  }
  gaugeBy(
    'embargo_inbound_mail',
    'Mail stored by the SMTP listener or the IMAP poller, by source and where it stands (received: waiting to be made into a report or reply; ingested; quarantined)',
    ['source', 'state'],
    (f) => f.inboundMail.map((m) => [{ source: m.source, state: m.state }, m.count]),
  )
  gaugeBy('embargo_outbox_depth', 'Outbox rows waiting to be delivered (not sent, not given up), by kind', ['kind'], (f) =>
    f.outboxPending.map((o) => [{ kind: o.kind }, o.count]),
  )
  gaugeBy('embargo_outbox_oldest_age_seconds', 'Age of the oldest outbox row still waiting, by kind (0: none waiting)', ['kind'], (f) =>
    f.outboxPending.map((o) => [{ kind: o.kind }, secondsSince(o.oldestAt)]),
  )
  gaugeBy('embargo_outbox_dead', 'Outbox rows given up on after their retries (the dead-letter list), by kind', ['kind'], (f) =>
    f.outboxDead.map((o) => [{ kind: o.kind }, o.count]),
  )
  new Gauge({
    name: 'embargo_clock_lag_seconds',
    help: 'How long the earliest report clock that is due has waited for the scheduler (0: nothing overdue)',
    registers: [registry],
    async collect() {
      const f = await read()
      this.set(f.earliestWakeAt ? secondsSince(f.earliestWakeAt) : 0)
    },
  })

  return {
    registry,
    observeRequest(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) })
      durations.observe({ method, route }, seconds)
    },
    close() {
      diagnostics.unsubscribe(smtpOutcomes.name, onSmtp)
    },
  }
}
