/**
 * Fetch reports from an existing mailbox (for organizations that cannot point MX at Embargo).
 *
 * Same guarantee as the SMTP listener: a message is marked `\Seen` (or moved) only after `accept()`
 * resolved, i.e. after the raw mail is stored durably. If `accept()` throws, or the process dies in
 * between, the message stays unseen and is fetched again on the next poll: at-least-once delivery,
 * with duplicates caught downstream by Message-ID + content hash (SECURITY-ANCHORS L-5).
 * New mail is noticed through IDLE when the server has it (imapflow idles automatically and
 * emits `exists`), with a periodic poll as the fallback.
 */
import { ImapFlow } from 'imapflow'

export interface ImapPollerOptions {
  host: string
  port: number
  /** Implicit TLS (993). Otherwise imapflow upgrades with STARTTLS when offered. */
  secure?: boolean
  auth: { user: string; pass: string }
  /** Accept a self-signed server certificate (private servers, tests). */
  allowSelfSignedCert?: boolean
  mailbox?: string
  /** Move processed mail here instead of only flagging it `\Seen`. */
  moveTo?: string
  /** Fallback poll interval, ms. Default 60 s. */
  pollIntervalMs?: number
  /** Messages larger than this are skipped (flagged `$EmbargoSkipped`, reported via onError). Default 30 MiB. */
  maxMessageBytes?: number
  /** Store the raw mail durably, then resolve. */
  accept: (raw: Buffer) => Promise<void>
  /** Connection failures, skipped and failed messages (no content, only ids and reasons). */
  onError?: (err: Error, context: { uid?: number }) => void
}

export interface PollResult {
  accepted: number
  failed: number
  skipped: number
}

export interface ImapPoller {
  /** Connect and keep polling until `stop()`; reconnects with a delay after failures. */
  start(): void
  /** One pass over the unseen messages (connects if needed). Used by `start` and by tests. */
  pollOnce(): Promise<PollResult>
  /** Finish the current message, log out, and resolve. */
  stop(): Promise<void>
}

const SKIPPED = '$EmbargoSkipped'

export function createImapPoller(opts: ImapPollerOptions): ImapPoller {
  const mailbox = opts.mailbox ?? 'INBOX'
  const maxBytes = opts.maxMessageBytes ?? 30 * 1024 * 1024
  const interval = opts.pollIntervalMs ?? 60_000
  const report = (err: unknown, uid?: number) =>
    opts.onError?.(err instanceof Error ? err : new Error(String(err)), uid === undefined ? {} : { uid })
  let client: ImapFlow | null = null
  let running = false
  let loop: Promise<void> | null = null
  let wake: (() => void) | null = null
  let busy: Promise<PollResult> | null = null

  async function connected(): Promise<ImapFlow> {
    if (client?.usable) return client
    const c = new ImapFlow({
      host: opts.host,
      port: opts.port,
      secure: opts.secure ?? false,
      auth: opts.auth,
      logger: false,
      tls: { rejectUnauthorized: !opts.allowSelfSignedCert },
      connectionTimeout: 30_000,
      greetingTimeout: 15_000,
      // Enter IDLE one second after the last command (imapflow's default waits 15 s).
      autoIdleDelay: 1000,
    })
    c.on('error', (err: unknown) => report(err))
    c.on('exists', () => wake?.())
    c.on('close', () => wake?.())
    await c.connect()
    await c.mailboxOpen(mailbox)
    client = c
    return c
  }

  async function pass(): Promise<PollResult> {
    const c = await connected()
    const result: PollResult = { accepted: 0, failed: 0, skipped: 0 }
    const lock = await c.getMailboxLock(mailbox)
    try {
      const uids = (await c.search({ seen: false, unKeyword: SKIPPED }, { uid: true })) || []
      for (const uid of uids) {
        const meta = await c.fetchOne(String(uid), { uid: true, size: true }, { uid: true })
        if (!meta) continue
        if ((meta.size ?? 0) > maxBytes) {
          await c.messageFlagsAdd(String(uid), [SKIPPED], { uid: true })
          report(new Error(`message of ${meta.size} bytes exceeds the limit of ${maxBytes}; skipped`), uid)
          result.skipped++
          continue
        }
        // BODY.PEEK: fetching must not set \Seen; only a successful accept() may.
        const msg = await c.fetchOne(String(uid), { uid: true, source: true }, { uid: true })
        const source = msg ? msg.source : undefined
        if (!source) continue
        try {
          await opts.accept(source)
        } catch (err) {
          result.failed++
          report(err, uid)
          continue
        }
        if (opts.moveTo) await c.messageMove(String(uid), opts.moveTo, { uid: true })
        else await c.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true })
        result.accepted++
      }
    } finally {
      lock.release()
    }
    return result
  }

  function pollOnce(): Promise<PollResult> {
    // One pass at a time: a wake-up during a pass does not start a second, overlapping one.
    busy ??= pass().finally(() => {
      busy = null
    })
    return busy
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (!running) {
        resolve()
        return
      }
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wake = null
        resolve()
      }
      wake = done
    })
  }

  async function run(): Promise<void> {
    let failures = 0
    while (running) {
      try {
        await pollOnce()
        failures = 0
        await sleep(interval)
      } catch (err) {
        report(err)
        failures++
        client?.close()
        client = null
        await sleep(Math.min(interval, 1000 * 2 ** Math.min(failures, 8)))
      }
    }
  }

  return {
    start() {
      if (running) return
      running = true
      loop = run()
    },
    pollOnce,
    async stop() {
      running = false
      wake?.()
      await loop
      await busy?.catch(() => undefined)
      const c = client
      client = null
      if (c?.usable) await c.logout().catch(() => c.close())
      else c?.close()
    },
  }
}
