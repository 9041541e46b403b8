/**
 * Inbound mail into the one ingestion pipeline: the SMTP listener and the IMAP poller hand raw
 * bytes to `accept`, which routes them to their organization by recipient, stores them sealed and
 * committed (one transaction for every mail waiting at that moment: group commit), and only then
 * resolves, so the listener answers 250 and the poller flags the message seen. Ingestion runs
 * afterwards from the stored row; rows a crash left `received` are swept at start.
 */
import { createHash } from 'node:crypto'
import { cipherFor, type Deps } from '../deps.js'
import {
  listPendingInbound,
  listSecurityAddresses,
  sealLegacyMessageIds,
  storeInboundMails,
} from '../storage/repositories/mail-repository.js'
import { findOrganizationById, findOrganizationBySlug } from '../storage/repositories/organization-repository.js'
import { createImapPoller, type ImapPoller } from './imap-poller.js'
import { ingestMail } from './ingest-mail.js'
import { createSmtpListener, type InboundEnvelope, isLocalRecipient, type SmtpListener } from './smtp-listener.js'

export interface InboundService {
  /** Store one raw mail durably (resolves after commit), then queue it for ingestion. */
  accept(raw: Buffer, envelope: InboundEnvelope, source?: 'smtp' | 'imap', orgId?: string): Promise<void>
  /** Queue every stored mail not yet ingested (what a crash left behind). */
  sweep(): Promise<number>
  /** Resolves when the ingestion queue is empty. */
  idle(): Promise<void>
  /** The SMTP port, when listening. */
  smtpPort: number | null
  stop(): Promise<void>
}

interface Pending {
  raw: Buffer
  envelope: InboundEnvelope
  source: 'smtp' | 'imap'
  orgIds: string[]
  resolve: () => void
  reject: (error: unknown) => void
}

/**
 * The Message-ID from the raw header block (bare), or null when there is none. It is stored
 * (sealed) to find other mails reusing it; it is NOT the dedup key: the raw bytes' hash is.
 */
export function headerMessageId(raw: Buffer): string | null {
  const end = raw.indexOf('\r\n\r\n')
  const head = raw
    .subarray(0, end < 0 ? Math.min(raw.length, 256 * 1024) : end)
    .toString('latin1')
    .replace(/\r?\n[ \t]+/g, ' ')
  const id = /^message-id:\s*<?([^\s<>]{1,250}?)>?\s*$/im.exec(head)?.[1]
  return id && /^[\x21-\x7e]+$/.test(id) ? id : null
}

export async function startInbound(
  deps: Deps,
  options: {
    smtp?: { host: string; port: number } | null
    imap?: boolean
    /** False: only store (benchmarks measure storing and ingesting apart; `sweep()` ingests later). */
    ingest?: boolean
  } = {},
): Promise<InboundService> {
  const addresses: string[] = []
  const owners = new Map<string, string>()
  async function refresh() {
    const rows = await listSecurityAddresses(deps.db)
    addresses.splice(0, addresses.length, ...rows.map((r) => r.security_address))
    owners.clear()
    for (const r of rows) owners.set(r.security_address, r.org_id)
  }
  await refresh()
  const refresher = setInterval(() => refresh().catch(() => undefined), 5000)
  refresher.unref()

  function route(rcptTo: readonly string[]): string[] {
    const orgs = new Set<string>()
    for (const r of rcptTo) {
      for (const [address, orgId] of owners) if (isLocalRecipient(r, [address])) orgs.add(orgId)
    }
    return [...orgs]
  }

  // Group commit: every mail that arrives while a commit is running goes into the next one.
  const waiting: Pending[] = []
  let committing = false
  async function commitLoop() {
    committing = true
    while (waiting.length > 0) {
      const batch = waiting.splice(0, 200)
      try {
        const stored = await storeBatch(batch)
        for (const p of batch) p.resolve()
        for (const s of stored) enqueue(s.orgId, s.id)
      } catch (error) {
        deps.log.error(
          { err: { message: error instanceof Error ? error.message : 'error' }, event: 'mail.store-failed' },
          'storing inbound mail failed',
        )
        for (const p of batch) p.reject(error)
      }
    }
    committing = false
  }

  const ciphers = new Map<string, ReturnType<typeof cipherFor>>()
  async function cipherOf(orgId: string) {
    let c = ciphers.get(orgId)
    if (!c) {
      const org = await findOrganizationById(deps.db, orgId)
      if (!org) throw new Error('unknown organization')
      c = cipherFor(deps, org)
      ciphers.set(orgId, c)
    }
    return c
  }

  async function storeBatch(batch: Pending[]): Promise<{ orgId: string; id: string }[]> {
    const receivedAt = deps.now().toISOString()
    const prepared = await Promise.all(
      batch.map(async (p) => {
        const sha = createHash('sha256').update(p.raw).digest('hex')
        return { p, sha, messageId: headerMessageId(p.raw), ciphers: await Promise.all(p.orgIds.map(cipherOf)) }
      }),
    )
    return storeInboundMails(
      deps.writes,
      prepared.flatMap(({ p, sha, messageId, ciphers }) =>
        p.orgIds.map((orgId, i) => ({
          cipher: ciphers[i]!,
          mail: {
            orgId,
            source: p.source,
            messageId,
            rawSha256: sha,
            raw: p.raw,
            envelope: { rcptTo: p.envelope.rcptTo, nullSender: p.envelope.mailFrom === null },
            receivedAt,
          },
        })),
      ),
    )
  }

  // Ingestion queue: after the answer, from the stored row. Failures stay `received` for the next sweep.
  const queue: { orgId: string; id: string }[] = []
  const queued = new Set<string>()
  let workers = 0
  let idleWaiters: (() => void)[] = []
  // Several mails at once: on SQLite their units share the write queue's commits (one ingestion at
  // a time gave each mail its own commit and fsync; 16 at once doubled plain mail, 105 → 200/s), and
  // parsing and decrypting one mail overlaps the database work of the others. On PostgreSQL more
  // than 4 only wait longer for the organization's locks (bench/mail-throughput.ts, bench/README.md).
  const concurrency = deps.dialect === 'postgres' ? 4 : 16
  let ingesting = options.ingest !== false
  function enqueue(orgId: string, id: string) {
    if (!ingesting || queued.has(id)) return
    queued.add(id)
    queue.push({ orgId, id })
    while (workers < concurrency && queue.length > 0) {
      workers++
      void work()
    }
  }
  async function work() {
    for (let item = queue.shift(); item; item = queue.shift()) {
      try {
        const org = await findOrganizationById(deps.db, item.orgId)
        if (org) await ingestMail(deps, org, item.id)
      } catch (error) {
        deps.log.error(
          { inboundId: item.id, err: { message: error instanceof Error ? error.message : 'error' }, event: 'mail.ingest-failed' },
          'ingestion failed; retried at the next sweep',
        )
      } finally {
        queued.delete(item.id)
      }
    }
    workers--
    if (workers === 0) {
      const w = idleWaiters
      idleWaiters = []
      for (const resolve of w) resolve()
    }
  }

  async function accept(raw: Buffer, envelope: InboundEnvelope, source: 'smtp' | 'imap' = 'smtp', orgId?: string): Promise<void> {
    let orgIds = orgId ? [orgId] : route(envelope.rcptTo)
    if (orgIds.length === 0) {
      await refresh()
      orgIds = route(envelope.rcptTo)
    }
    if (orgIds.length === 0) throw new Error('no organization for these recipients')
    await new Promise<void>((resolve, reject) => {
      waiting.push({ raw, envelope, source, orgIds, resolve, reject })
      if (!committing) void commitLoop()
    })
  }

  async function sweep(): Promise<number> {
    ingesting = true
    const rows = await listPendingInbound(deps.db, 10_000)
    for (const r of rows) enqueue(r.org_id, r.id)
    return rows.length
  }

  // Message-IDs stored in clear before they were sealed (see migration 2026-12-02T0710).
  const sealed = await sealLegacyMessageIds(deps.db, async (orgId) => cipherOf(orgId).catch(() => undefined))
  if (sealed > 0) deps.log.info({ count: sealed, event: 'mail.message-ids-sealed' }, 'sealed Message-IDs stored in clear')

  let listener: SmtpListener | null = null
  let smtpPort: number | null = null
  if (options.smtp) {
    listener = createSmtpListener({
      addresses,
      accept: (raw, envelope) => accept(raw, envelope, 'smtp'),
      hostname: deps.config.publicUrl.hostname,
      maxClientsPerAddress: deps.config.smtpLimits.perAddress,
      socketTimeoutMs: deps.config.smtpLimits.idleMs,
      maxSessionMs: deps.config.smtpLimits.sessionMs,
    })
    smtpPort = await listener.listen(options.smtp.port, options.smtp.host)
    deps.log.info({ host: options.smtp.host, port: smtpPort, event: 'smtp.listening' }, 'SMTP listener is accepting mail')
  }

  let poller: ImapPoller | null = null
  const imap = deps.config.imap
  if (options.imap && imap) {
    const org = await findOrganizationBySlug(deps.db, imap.org)
    if (!org) throw new Error(`EMBARGO_IMAP_URL names organization ${imap.org}, which does not exist`)
    poller = createImapPoller({
      host: imap.host,
      port: imap.port,
      secure: imap.secure,
      auth: { user: imap.user, pass: imap.pass },
      mailbox: imap.mailbox,
      accept: (raw) => accept(raw, { mailFrom: '', rcptTo: [] }, 'imap', org.id),
      onError: (err, context) => deps.log.warn({ ...context, err: { message: err.message }, event: 'imap.error' }, 'IMAP poller problem'),
    })
    poller.start()
  }

  const swept = options.ingest === false ? 0 : await sweep()
  if (swept > 0) deps.log.info({ count: swept, event: 'mail.sweep' }, 'ingesting mail stored before the last stop')

  const service: InboundService = {
    accept,
    sweep,
    smtpPort,
    idle: () => (workers === 0 && queue.length === 0 ? Promise.resolve() : new Promise((resolve) => idleWaiters.push(resolve))),
    async stop() {
      clearInterval(refresher)
      await listener?.close()
      await poller?.stop()
      await service.idle()
    },
  }
  return service
}
