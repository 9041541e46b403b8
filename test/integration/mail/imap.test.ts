/**
 * The IMAP poller against a real Dovecot (Debian's `dovecot-imapd`), started per run from a
 * throwaway config in a temp dir: 127.0.0.1 on a free port, plaintext auth, one passwd-file
 * user, Maildir under the temp dir. What is asserted is the delivery contract: each message is
 * accepted exactly once and marked \Seen only after accept() resolved.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'
import { ImapFlow } from 'imapflow'
import PostalMime from 'postal-mime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createImapPoller } from '../../../src/mail/imap-poller.js'

const DOVECOT = '/usr/sbin/dovecot'
const hasDovecot = existsSync(DOVECOT)
if (!hasDovecot) {
  if (process.env.CI === 'true') throw new Error('dovecot is required in CI (apt-get install -y dovecot-imapd)')
  console.warn('\n*** SKIPPING IMAP poller tests: /usr/sbin/dovecot not found (apt-get install -y dovecot-imapd) ***\n')
}

const USER = 'rep'
const PASS = 'imap-test-secret'
let dir = ''
let port = 0
let dovecot: ChildProcess | null = null

async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const p = (server.address() as net.AddressInfo).port
  await new Promise<void>((r) => server.close(() => r()))
  return p
}

async function waitForPort(p: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(p, '127.0.0.1')
      s.once('connect', () => {
        s.destroy()
        resolve(true)
      })
      s.once('error', () => resolve(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(
    `dovecot did not listen on ${p}: ${existsSync(join(dir, 'dovecot.log')) ? readFileSync(join(dir, 'dovecot.log'), 'utf8') : ''}`,
  )
}

/**
 * Dovecot refuses to run mail processes as root and drops privileges for auth and login, so as
 * root the mail user is Debian's `dovecot` account and the temp dir must be traversable by it;
 * as an ordinary user everything runs as that user.
 */
function writeConfig(): string {
  const root = process.getuid?.() === 0
  const internal = root ? 'dovecot' : userInfo().username
  const login = root ? 'dovenull' : userInfo().username
  mkdirSync(join(dir, 'run'))
  mkdirSync(join(dir, 'mail'))
  mkdirSync(join(dir, 'home'))
  writeFileSync(join(dir, 'passwd'), `${USER}:{PLAIN}${PASS}\n`)
  chmodSync(dir, 0o755)
  chmodSync(join(dir, 'passwd'), 0o644)
  if (root) {
    const uid = Number(execFileSync('id', ['-u', 'dovecot']).toString().trim())
    const gid = Number(execFileSync('id', ['-g', 'dovecot']).toString().trim())
    chownSync(join(dir, 'mail'), uid, gid)
    chownSync(join(dir, 'home'), uid, gid)
  }
  const conf = `protocols = imap
listen = 127.0.0.1
base_dir = ${dir}/run
state_dir = ${dir}/run
log_path = ${dir}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${internal}
default_internal_group = ${internal}
default_login_user = ${login}
first_valid_uid = 1
mail_location = maildir:${dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}
userdb {
  driver = static
  args = uid=${internal} gid=${internal} home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
}
`
  const path = join(dir, 'dovecot.conf')
  writeFileSync(path, conf)
  return path
}

function client(): ImapFlow {
  return new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user: USER, pass: PASS }, logger: false })
}

function message(subject: string): string {
  return `From: Reporter <reporter@example.net>\r\nTo: security@acme.example\r\nSubject: ${subject}\r\nMessage-ID: <${subject}@example.net>\r\n\r\nBody of ${subject}\r\n`
}

async function append(...subjects: string[]): Promise<void> {
  const c = client()
  await c.connect()
  for (const s of subjects) await c.append('INBOX', message(s))
  await c.logout()
}

/** Subject → \Seen? for every message in INBOX. */
async function seenState(): Promise<Record<string, boolean>> {
  const c = client()
  await c.connect()
  const lock = await c.getMailboxLock('INBOX')
  const out: Record<string, boolean> = {}
  try {
    for await (const m of c.fetch('1:*', { envelope: true, flags: true })) out[m.envelope?.subject ?? ''] = m.flags?.has('\\Seen') ?? false
  } finally {
    lock.release()
  }
  await c.logout()
  return out
}

async function subjectOf(raw: Buffer): Promise<string> {
  return (await PostalMime.parse(raw)).subject ?? ''
}

describe.skipIf(!hasDovecot)('IMAP poller against Dovecot', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'embargo-imap-'))
    port = await freePort()
    const conf = writeConfig()
    const t = performance.now()
    dovecot = spawn(DOVECOT, ['-F', '-c', conf], { stdio: 'ignore' })
    await waitForPort(port, 10_000)
    console.info(`dovecot listening after ${(performance.now() - t).toFixed(0)} ms`)
  }, 20_000)

  afterAll(async () => {
    if (dovecot && dovecot.exitCode === null) {
      const exited = new Promise((r) => dovecot!.once('exit', r))
      dovecot.kill('SIGTERM')
      await exited
    }
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const poller = (accept: (raw: Buffer) => Promise<void>) =>
    createImapPoller({ host: '127.0.0.1', port, auth: { user: USER, pass: PASS }, accept, pollIntervalMs: 60_000 })

  it('accepts each unseen message exactly once and marks it \\Seen afterwards', async () => {
    await append('one', 'two', 'three')
    const got: string[] = []
    const p = poller(async (raw) => {
      got.push(await subjectOf(raw))
    })
    try {
      const t = performance.now()
      expect(await p.pollOnce()).toEqual({ accepted: 3, failed: 0, skipped: 0 })
      console.info(`first poll (login + 3 messages): ${(performance.now() - t).toFixed(0)} ms`)
      expect(await p.pollOnce()).toEqual({ accepted: 0, failed: 0, skipped: 0 })
    } finally {
      await p.stop()
    }
    expect(got.sort()).toEqual(['one', 'three', 'two'])
    expect(await seenState()).toMatchObject({ one: true, two: true, three: true })
  }, 30_000)

  it('leaves a message unseen when accept() throws, and takes it on the next poll', async () => {
    await append('flaky', 'fine')
    const accepted: string[] = []
    let failOnce = true
    const p = poller(async (raw) => {
      const subject = await subjectOf(raw)
      if (subject === 'flaky' && failOnce) {
        failOnce = false
        throw new Error('database unavailable')
      }
      accepted.push(subject)
    })
    try {
      expect(await p.pollOnce()).toEqual({ accepted: 1, failed: 1, skipped: 0 })
      expect(await seenState()).toMatchObject({ flaky: false, fine: true })
      expect(await p.pollOnce()).toEqual({ accepted: 1, failed: 0, skipped: 0 })
    } finally {
      await p.stop()
    }
    expect(accepted).toEqual(['fine', 'flaky'])
    expect(await seenState()).toMatchObject({ flaky: true, fine: true })
  }, 30_000)

  it('notices new mail through IDLE without waiting for the poll interval, and stops cleanly', async () => {
    const got: string[] = []
    let arrived!: () => void
    const done = new Promise<void>((r) => (arrived = r))
    const p = poller(async (raw) => {
      got.push(await subjectOf(raw))
      arrived()
    })
    p.start()
    await new Promise((r) => setTimeout(r, 2500)) // first pass done, connection idling
    const t = performance.now()
    await append('idle')
    await done
    console.info(`IDLE delivery latency: ${(performance.now() - t).toFixed(0)} ms`)
    await p.stop()
    expect(got).toEqual(['idle'])
  }, 30_000)
})
