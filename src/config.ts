import path from 'node:path'

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
}

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
      'The address people use to reach Embargo. Links in pages and mail are built from it, never from request headers. With `https:` cookies are `Secure` and `__Host-` prefixed.',
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
    name: 'EMBARGO_FORM_MIN_SECONDS',
    description: 'A report form sent back faster than this is treated as automated (bot trap, no third-party CAPTCHA).',
    default: '3',
  },
  {
    name: 'EMBARGO_INTAKE_RATE_LIMIT',
    description: 'Report submissions accepted per client address per minute, on the form and the API.',
    default: '20',
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

  const logLevel = (env.EMBARGO_LOG_LEVEL ?? 'info') as Config['logLevel']
  if (!logLevels.includes(logLevel)) problems.push(`EMBARGO_LOG_LEVEL must be one of ${logLevels.join(', ')}`)

  const formMinSeconds = Number(env.EMBARGO_FORM_MIN_SECONDS ?? '3')
  if (!Number.isFinite(formMinSeconds) || formMinSeconds < 0) problems.push('EMBARGO_FORM_MIN_SECONDS must be a number >= 0')

  const intakeRateLimit = Number(env.EMBARGO_INTAKE_RATE_LIMIT ?? '20')
  if (!Number.isInteger(intakeRateLimit) || intakeRateLimit < 1) problems.push('EMBARGO_INTAKE_RATE_LIMIT must be a whole number >= 1')

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
    ...overrides,
  }
}
