import path from 'node:path'
import { type AllowedRanges, parseAllowedRanges } from './egress/index.js'

/**
 * The only module that reads `process.env`. Every setting is described once here; the README's
 * configuration table and `embargo config` are printed from these descriptions.
 */
export interface Config {
  /** `sqlite:<file>` or `postgres://…` */
  databaseUrl: string
  dataDir: string
  /** 32-byte master key from the environment, when given; otherwise `masterKeyFile` is used. */
  masterKey: Buffer | undefined
  masterKeyFile: string
  publicUrl: URL
  host: string
  port: number
  trustProxy: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Seconds a human needs at least to fill the report form; faster posts are treated as bots. */
  formMinSeconds: number
  /** Report submissions accepted per client address per minute (web form and API). */
  intakeRateLimit: number
  /** Files a reporter may attach on the form, the API or the follow-up page: bytes per file, bytes per report, and how many. */
  attachmentLimits: { fileBytes: number; reportBytes: number; files: number }
  /** Days a follow-up link works after it was issued (a reporter with an address can have a new one mailed). */
  followUpLinkDays: number
  /** Days a browser keeps a report open after its link was opened; never longer than the link itself works. */
  followUpCookieDays: number
  /** Organization whose policy `/.well-known/security.txt` serves on a multi-organization instance; null = the only one. */
  defaultOrg: string | null
  /** Built-in SMTP listener for inbound mail; null = off. */
  smtpListen: { host: string; port: number } | null
  /** Fairness of the SMTP listener: connections per client address, idle and whole-session limits. */
  smtpLimits: { perAddress: number; idleMs: number; sessionMs: number }
  /** Relay that outbound mail is handed to; null = off (mail stays queued). */
  smtpRelay: { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } } | null
  /** Sender address of outbound mail when an organization has no security address. */
  mailFrom: string | null
  /** Mailbox polled for inbound mail of one organization; null = off. */
  imap: { host: string; port: number; secure: boolean; user: string; pass: string; mailbox: string; org: string } | null
  /** Store the client address of each session for its owner's session list (off: no address is kept). */
  sessionAddresses: boolean
  /** Allow organizations' OpenID Providers on plain `http:` (a local test provider); off: `https:` only. */
  ssoHttpIssuers: boolean
  /** Organizations may point CVE Services at plain http (a local server, in tests); off: https only. */
  cveServicesHttp: boolean
  /** Non-public address ranges outbound calls to administrator-named servers may reach (SSRF guard); empty: public addresses only. */
  egressAllow: AllowedRanges
  /** Announcement channels may use plain http to this machine (loopback), e.g. in tests. */
  announceHttp: boolean
  /** Bearer token that opens `/metrics`; null: `/metrics` answers 404. */
  metricsToken: string | null
  /** What `embargo serve` runs in this process: the web, the background worker, the SMTP listener, or all three. */
  role: ServeRole
}

/** The parts one `embargo serve` process runs (docs/operations.md, "Roles"). */
export const serveRoles = ['all', 'web', 'worker', 'mail'] as const
export type ServeRole = (typeof serveRoles)[number]

interface Setting {
  name: string
  description: string
  default: string | undefined
}

export const settings: Setting[] = [
  {
    name: 'EMBARGO_DATABASE_URL',
    description: 'Where reports live: `sqlite:<file>` (embedded, default) or `postgres://user:pass@host:port/db`.',
    default: 'sqlite:<data dir>/embargo.db',
  },
  { name: 'EMBARGO_DATA_DIR', description: 'Folder for the SQLite file and the generated master key file.', default: './data' },
  {
    name: 'EMBARGO_MASTER_KEY',
    description:
      "Base64 of 32 random bytes (`openssl rand -base64 32`). Wraps every organization's data key. Takes precedence over the key file.",
    default: undefined,
  },
  {
    name: 'EMBARGO_MASTER_KEY_FILE',
    description:
      'File holding the master key. Generated with mode 0600 on first start when missing. Back it up apart from the database: without it no report can be read.',
    default: '<data dir>/master.key',
  },
  {
    name: 'EMBARGO_PUBLIC_URL',
    description:
      'The address people use to reach Embargo. Links in pages and mail are built from it, never from request headers. With `https:` cookies are `Secure` and `__Host-` prefixed. Passkeys are bound to its host (the WebAuthn RP ID) and origin, so it must name a domain (or `localhost`), not an IP address.',
    default: 'http://<host>:<port>',
  },
  { name: 'EMBARGO_HOST', description: 'Interface the HTTP server listens on.', default: '127.0.0.1' },
  { name: 'EMBARGO_PORT', description: 'Port the HTTP server listens on.', default: '8080' },
  {
    name: 'EMBARGO_TRUST_PROXY',
    description: 'Set to `true` only behind a reverse proxy that sets `X-Forwarded-For`; rate limits then use the address it reports.',
    default: 'false',
  },
  {
    name: 'EMBARGO_LOG_LEVEL',
    description: 'fatal, error, warn, info, debug, trace or silent. Logs carry ids, never report text.',
    default: 'info',
  },
  {
    name: 'EMBARGO_SESSION_ADDRESSES',
    description:
      "Set to `true` to keep each team member's client address with their session, shown to them on /account/sessions. Off: no address is stored.",
    default: 'false',
  },
  {
    name: 'EMBARGO_SSO_HTTP_ISSUERS',
    description:
      'Set to `true` to let organizations use an OpenID Provider on plain `http:` (only for a provider on this machine, e.g. in tests). Off: single sign-on speaks `https:` only.',
    default: 'false',
  },
  {
    name: 'EMBARGO_CVE_SERVICES_HTTP',
    description:
      'Set to `true` to let organizations point CVE Services at plain `http:` on this machine (a local server, e.g. in tests). Off: CVE Services is reached over `https:` only.',
    default: 'false',
  },
  {
    name: 'EMBARGO_EGRESS_ALLOW',
    description:
      'Comma-separated private address ranges (e.g. `10.0.0.0/8, 192.168.1.5`) that servers named by administrators — OpenID Provider, CVE Services, announcement webhooks, Matrix — may resolve to. Unset: only public addresses are reached; loopback, private, link-local (cloud metadata) and other special ranges are refused.',
    default: undefined,
  },
  {
    name: 'EMBARGO_ANNOUNCE_HTTP',
    description:
      'Set to `true` to let announcement channels (Slack, Matrix, signed webhooks) use plain `http:` to this machine (a local receiver, e.g. in tests). Off: `https:` only. `EMBARGO_EGRESS_ALLOW` decides which addresses they may reach.',
    default: 'false',
  },
  {
    name: 'EMBARGO_FORM_MIN_SECONDS',
    description: 'A report form sent back faster than this is treated as automated (bot trap, no third-party CAPTCHA).',
    default: '3',
  },
  {
    name: 'EMBARGO_INTAKE_RATE_LIMIT',
    description: 'Report submissions accepted per client address per minute, on the form and the API.',
    default: '20',
  },
  {
    name: 'EMBARGO_ATTACHMENT_MAX_FILE_BYTES',
    description:
      'Largest file a reporter may attach on the report form, the API or the follow-up page (bytes); a larger one is refused, naming the file and the limit.',
    default: '10485760',
  },
  {
    name: 'EMBARGO_ATTACHMENT_MAX_REPORT_BYTES',
    description: 'All files attached to one submission or follow-up reply together (bytes).',
    default: '26214400',
  },
  {
    name: 'EMBARGO_ATTACHMENT_MAX_FILES',
    description: 'Files one submission or follow-up reply may carry.',
    default: '10',
  },
  {
    name: 'EMBARGO_FOLLOW_UP_LINK_DAYS',
    description:
      'Days a reporter\'s follow-up link works after it was issued. Afterwards (or once the reporter chose "forget") opening it says so and, when the reporter gave an address, offers a new link by mail.',
    default: '365',
  },
  {
    name: 'EMBARGO_FOLLOW_UP_COOKIE_DAYS',
    description:
      'Days a browser keeps a report open after its follow-up link was opened (HttpOnly cookie), never longer than the link itself works.',
    default: '30',
  },
  {
    name: 'EMBARGO_SMTP_LISTEN',
    description:
      "`host:port` for the built-in SMTP listener (e.g. `0.0.0.0:25`). It accepts mail only for the organizations' security addresses and their `+r-…` reply addresses, and answers 250 only after the raw mail is stored. Off when unset.",
    default: undefined,
  },
  {
    name: 'EMBARGO_SMTP_MAX_PER_ADDRESS',
    description:
      'Connections the SMTP listener keeps open at once from one client address; more are refused with `421` so one sender cannot take every slot (the listener holds 50 in all).',
    default: '5',
  },
  {
    name: 'EMBARGO_SMTP_IDLE_SECONDS',
    description: 'An SMTP session that sends nothing for this long is closed with `421`.',
    default: '60',
  },
  {
    name: 'EMBARGO_SMTP_SESSION_SECONDS',
    description:
      'Longest SMTP session, however busy (NOOPs included); then it is closed with `421` and the sender retries what it did not see answered `250`.',
    default: '600',
  },
  {
    name: 'EMBARGO_SMTP_RELAY_URL',
    description:
      'Relay for outbound mail: `smtp://[user:pass@]host:port` (STARTTLS when offered) or `smtps://…` (implicit TLS). Unset: mail stays queued in the outbox and the admin mail page says so.',
    default: undefined,
  },
  {
    name: 'EMBARGO_MAIL_FROM',
    description:
      "Sender address of outbound mail for organizations without a security address; otherwise the organization's own address is used.",
    default: undefined,
  },
  {
    name: 'EMBARGO_IMAP_URL',
    description:
      'Mailbox to poll for one organization: `imaps://user@host:993/INBOX?org=<slug>` (or `imap://` with STARTTLS). Mail is flagged seen only after it is stored. Off when unset.',
    default: undefined,
  },
  { name: 'EMBARGO_IMAP_PASSWORD', description: 'Password of the EMBARGO_IMAP_URL account (kept out of the URL).', default: undefined },
  {
    name: 'EMBARGO_DEFAULT_ORG',
    description:
      "Slug of the organization whose policy `/.well-known/security.txt` serves. Unset: served only while the instance has exactly one organization; every organization's own is at `/o/<slug>/.well-known/security.txt`.",
    default: undefined,
  },
  {
    name: 'EMBARGO_METRICS_TOKEN',
    description:
      'Bearer token (at least 32 characters, e.g. `openssl rand -base64 32`) that a Prometheus scraper sends to `/metrics` as `Authorization: Bearer …`. Unset: `/metrics` answers 404. `/healthz` and `/readyz` need no token and reveal nothing.',
    default: undefined,
  },
  {
    name: 'EMBARGO_ROLE',
    description:
      'What `embargo serve` runs: `all` (everything in one process), `web` (HTTP only), `worker` (outbox, clocks, scheduled publication, mail ingestion retries; HTTP only `/healthz`, `/readyz`, `/metrics`) or `mail` (the SMTP listener and IMAP poller, ingesting what they accept; same three HTTP routes). `serve --role` overrides it.',
    default: 'all',
  },
]

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

/** Reads and validates every setting at once, so a bad start lists all problems together. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = []
  const dataDir = path.resolve(env.EMBARGO_DATA_DIR ?? './data')
  const databaseUrl = env.EMBARGO_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'embargo.db')}`
  if (!databaseUrl.startsWith('sqlite:') && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('EMBARGO_DATABASE_URL must start with sqlite: or postgres://')
  }

  let masterKey: Buffer | undefined
  if (env.EMBARGO_MASTER_KEY) {
    masterKey = Buffer.from(env.EMBARGO_MASTER_KEY, 'base64')
    if (masterKey.length !== 32) problems.push('EMBARGO_MASTER_KEY must be base64 of exactly 32 bytes')
  }

  const host = env.EMBARGO_HOST ?? '127.0.0.1'
  let publicUrl = new URL('http://127.0.0.1:8080')
  try {
    publicUrl = new URL(env.EMBARGO_PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${env.EMBARGO_PORT ?? '8080'}`)
    if (publicUrl.protocol !== 'http:' && publicUrl.protocol !== 'https:') problems.push('EMBARGO_PUBLIC_URL must be http: or https:')
  } catch {
    problems.push('EMBARGO_PUBLIC_URL is not a URL')
  }

  const port = Number(env.EMBARGO_PORT ?? '8080')
  if (!Number.isInteger(port) || port < 0 || port > 65535) problems.push('EMBARGO_PORT must be a port number')

  const trustProxyRaw = env.EMBARGO_TRUST_PROXY ?? 'false'
  if (trustProxyRaw !== 'true' && trustProxyRaw !== 'false') problems.push('EMBARGO_TRUST_PROXY must be true or false')

  const sessionAddressesRaw = env.EMBARGO_SESSION_ADDRESSES ?? 'false'
  if (sessionAddressesRaw !== 'true' && sessionAddressesRaw !== 'false') problems.push('EMBARGO_SESSION_ADDRESSES must be true or false')

  const ssoHttpIssuersRaw = env.EMBARGO_SSO_HTTP_ISSUERS ?? 'false'
  if (ssoHttpIssuersRaw !== 'true' && ssoHttpIssuersRaw !== 'false') problems.push('EMBARGO_SSO_HTTP_ISSUERS must be true or false')

  const cveServicesHttpRaw = env.EMBARGO_CVE_SERVICES_HTTP ?? 'false'
  if (cveServicesHttpRaw !== 'true' && cveServicesHttpRaw !== 'false') problems.push('EMBARGO_CVE_SERVICES_HTTP must be true or false')

  let egressAllow: AllowedRanges = []
  try {
    egressAllow = parseAllowedRanges(env.EMBARGO_EGRESS_ALLOW ?? '')
  } catch (error) {
    problems.push(`EMBARGO_EGRESS_ALLOW: ${(error as Error).message}`)
  }
  const announceHttpRaw = env.EMBARGO_ANNOUNCE_HTTP ?? 'false'
  if (announceHttpRaw !== 'true' && announceHttpRaw !== 'false') problems.push('EMBARGO_ANNOUNCE_HTTP must be true or false')

  const logLevel = (env.EMBARGO_LOG_LEVEL ?? 'info') as Config['logLevel']
  if (!logLevels.includes(logLevel)) problems.push(`EMBARGO_LOG_LEVEL must be one of ${logLevels.join(', ')}`)

  const formMinSeconds = Number(env.EMBARGO_FORM_MIN_SECONDS ?? '3')
  if (!Number.isFinite(formMinSeconds) || formMinSeconds < 0) problems.push('EMBARGO_FORM_MIN_SECONDS must be a number >= 0')

  const intakeRateLimit = Number(env.EMBARGO_INTAKE_RATE_LIMIT ?? '20')
  if (!Number.isInteger(intakeRateLimit) || intakeRateLimit < 1) problems.push('EMBARGO_INTAKE_RATE_LIMIT must be a whole number >= 1')

  const wholeAtLeastOne = (name: string, fallback: string) => {
    const value = Number(env[name] ?? fallback)
    if (!Number.isSafeInteger(value) || value < 1) problems.push(`${name} must be a whole number >= 1`)
    return value
  }
  const attachmentLimits = {
    fileBytes: wholeAtLeastOne('EMBARGO_ATTACHMENT_MAX_FILE_BYTES', '10485760'),
    reportBytes: wholeAtLeastOne('EMBARGO_ATTACHMENT_MAX_REPORT_BYTES', '26214400'),
    files: wholeAtLeastOne('EMBARGO_ATTACHMENT_MAX_FILES', '10'),
  }

  const followUpLinkDays = Number(env.EMBARGO_FOLLOW_UP_LINK_DAYS ?? '365')
  if (!Number.isInteger(followUpLinkDays) || followUpLinkDays < 1 || followUpLinkDays > 3650)
    problems.push('EMBARGO_FOLLOW_UP_LINK_DAYS must be a whole number of days from 1 to 3650')
  const followUpCookieDays = Number(env.EMBARGO_FOLLOW_UP_COOKIE_DAYS ?? '30')
  if (!Number.isInteger(followUpCookieDays) || followUpCookieDays < 1 || followUpCookieDays > 400)
    problems.push('EMBARGO_FOLLOW_UP_COOKIE_DAYS must be a whole number of days from 1 to 400')

  const mail = loadMailConfig(env, problems)
  const defaultOrg = env.EMBARGO_DEFAULT_ORG || null
  if (defaultOrg !== null && !/^[a-z0-9][a-z0-9-]{0,62}$/.test(defaultOrg))
    problems.push('EMBARGO_DEFAULT_ORG must be an organization slug')

  const metricsToken = env.EMBARGO_METRICS_TOKEN || null
  if (metricsToken !== null && (metricsToken.length < 32 || /\s/.test(metricsToken)))
    problems.push('EMBARGO_METRICS_TOKEN must be at least 32 characters without spaces')

  const role = (env.EMBARGO_ROLE || 'all') as ServeRole
  if (!serveRoles.includes(role)) problems.push(`EMBARGO_ROLE must be one of ${serveRoles.join(', ')}`)

  if (problems.length > 0) throw new ConfigError(problems)
  return {
    databaseUrl,
    dataDir,
    masterKey,
    masterKeyFile: path.resolve(env.EMBARGO_MASTER_KEY_FILE ?? path.join(dataDir, 'master.key')),
    publicUrl,
    host,
    port,
    trustProxy: trustProxyRaw === 'true',
    logLevel,
    formMinSeconds,
    intakeRateLimit,
    attachmentLimits,
    followUpLinkDays,
    followUpCookieDays,
    defaultOrg,
    ...mail,
    sessionAddresses: sessionAddressesRaw === 'true',
    ssoHttpIssuers: ssoHttpIssuersRaw === 'true',
    cveServicesHttp: cveServicesHttpRaw === 'true',
    egressAllow,
    announceHttp: announceHttpRaw === 'true',
    metricsToken,
    role,
    ...overrides,
  }
}

function loadMailConfig(
  env: NodeJS.ProcessEnv,
  problems: string[],
): Pick<Config, 'smtpListen' | 'smtpLimits' | 'smtpRelay' | 'mailFrom' | 'imap'> {
  const whole = (name: string, fallback: string): number => {
    const value = Number(env[name] ?? fallback)
    if (!Number.isInteger(value) || value < 1) problems.push(`${name} must be a whole number >= 1`)
    return value
  }
  const smtpLimits = {
    perAddress: whole('EMBARGO_SMTP_MAX_PER_ADDRESS', '5'),
    idleMs: whole('EMBARGO_SMTP_IDLE_SECONDS', '60') * 1000,
    sessionMs: whole('EMBARGO_SMTP_SESSION_SECONDS', '600') * 1000,
  }
  let smtpListen: Config['smtpListen'] = null
  if (env.EMBARGO_SMTP_LISTEN) {
    const m = /^(.*):(\d+)$/.exec(env.EMBARGO_SMTP_LISTEN)
    const port = Number(m?.[2])
    if (!m?.[1] || port > 65535) problems.push('EMBARGO_SMTP_LISTEN must be host:port')
    else smtpListen = { host: m[1].replace(/^\[|\]$/g, ''), port }
  }
  let smtpRelay: Config['smtpRelay'] = null
  if (env.EMBARGO_SMTP_RELAY_URL) {
    try {
      const u = new URL(env.EMBARGO_SMTP_RELAY_URL)
      if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:') throw new Error('protocol')
      const secure = u.protocol === 'smtps:'
      smtpRelay = { host: u.hostname.replace(/^\[|\]$/g, ''), port: Number(u.port || (secure ? 465 : 587)), secure }
      if (u.username) smtpRelay.auth = { user: decodeURIComponent(u.username), pass: decodeURIComponent(u.password) }
    } catch {
      problems.push('EMBARGO_SMTP_RELAY_URL must be smtp://host:port or smtps://host:port')
    }
  }
  const mailFrom = env.EMBARGO_MAIL_FROM ?? null
  if (mailFrom !== null && !/^[^\s@<>]+@[^\s@<>]+$/.test(mailFrom)) problems.push('EMBARGO_MAIL_FROM must be a plain address')
  let imap: Config['imap'] = null
  if (env.EMBARGO_IMAP_URL) {
    try {
      const u = new URL(env.EMBARGO_IMAP_URL)
      if (u.protocol !== 'imap:' && u.protocol !== 'imaps:') throw new Error('protocol')
      const org = u.searchParams.get('org')
      if (!org || !u.username) throw new Error('org')
      const secure = u.protocol === 'imaps:'
      imap = {
        host: u.hostname.replace(/^\[|\]$/g, ''),
        port: Number(u.port || (secure ? 993 : 143)),
        secure,
        user: decodeURIComponent(u.username),
        pass: env.EMBARGO_IMAP_PASSWORD ?? '',
        mailbox: decodeURIComponent(u.pathname.slice(1)) || 'INBOX',
        org,
      }
    } catch {
      problems.push('EMBARGO_IMAP_URL must be imap[s]://user@host[:port]/<mailbox>?org=<slug>')
    }
  }
  return { smtpListen, smtpLimits, smtpRelay, mailFrom, imap }
}
