/** Shared steps of the many-process tests: the environment every `embargo serve` process of one instance shares, and clients that speak to them. */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** The master key of `startTestApp`: the test's own app and the spawned processes open the same data. */
export const testMasterKey = Buffer.alloc(32, 7).toString('base64')

export function instanceEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    EMBARGO_DATABASE_URL: databaseUrl,
    EMBARGO_DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-scale-')),
    EMBARGO_MASTER_KEY: testMasterKey,
    EMBARGO_HOST: '127.0.0.1',
    EMBARGO_LOG_LEVEL: 'warn',
    EMBARGO_FORM_MIN_SECONDS: '0',
    EMBARGO_INTAKE_RATE_LIMIT: '100000',
    EMBARGO_SMTP_LISTEN: '127.0.0.1:0',
    ...extra,
  }
}

/**
 * One SMTP session spoken by hand, so a test can stop in the middle of DATA: each `send` writes a
 * line (or raw bytes) and `reply` waits for the server's next complete answer.
 */
export async function smtpSession(port: number) {
  const socket = net.connect(port, '127.0.0.1')
  let buffer = ''
  const waiting: ((line: string) => void)[] = []
  const replies: string[] = []
  socket.setEncoding('utf8')
  socket.on('data', (d: string) => {
    buffer += d
    for (let i = buffer.indexOf('\r\n'); i >= 0; i = buffer.indexOf('\r\n')) {
      const line = buffer.slice(0, i)
      buffer = buffer.slice(i + 2)
      // A multi-line reply ends with the line whose code is followed by a space.
      if (/^\d{3} /.test(line) || !/^\d{3}-/.test(line)) {
        const next = waiting.shift()
        if (next) next(line)
        else replies.push(line)
      }
    }
  })
  socket.on('error', () => undefined)
  const reply = () =>
    new Promise<string>((resolve) => {
      const ready = replies.shift()
      if (ready !== undefined) resolve(ready)
      else waiting.push(resolve)
    })
  await reply() // greeting
  return {
    reply,
    write: (text: string) => socket.write(text),
    async command(line: string) {
      socket.write(`${line}\r\n`)
      return reply()
    },
    close: () => socket.destroy(),
  }
}
