import { describe, expect, it } from 'vitest'
import { findThread, isReplyToken, newMessageId, newReplyToken, parseReplyAddress, replyAddress } from '../../../src/mail/reply-address.js'

const BASE = 'security@acme.example'

describe('reply addresses', () => {
  it('tokens are 120-bit lowercase base32 and unique', () => {
    const tokens = new Set(Array.from({ length: 1000 }, newReplyToken))
    expect(tokens.size).toBe(1000)
    for (const t of tokens) expect(t).toMatch(/^[a-z2-7]{24}$/)
  })

  it('round-trips through To / Delivered-To forms, case-insensitively', () => {
    const token = newReplyToken()
    const addr = replyAddress(BASE, token)
    expect(addr).toBe(`security+r-${token}@acme.example`)
    expect(parseReplyAddress(addr, BASE)).toBe(token)
    expect(parseReplyAddress(`"ACME" <${addr.toUpperCase()}>`, BASE)).toBe(token)
  })

  it('refuses look-alikes', () => {
    const token = newReplyToken()
    for (const a of [
      `security+r-${token}@acme.example.evil`,
      `other+r-${token}@acme.example`,
      `security+x-${token}@acme.example`,
      `security+r-${token}x@acme.example`,
      `security+r-${token}@acme.example\r\nBcc: x@y`,
      BASE,
    ]) {
      expect(parseReplyAddress(a, BASE)).toBeNull()
    }
    expect(isReplyToken('A'.repeat(24))).toBe(false)
    expect(() => replyAddress(BASE, 'short')).toThrow()
  })

  it('Message-IDs are <uuid@host> with a sanitized host', () => {
    expect(newMessageId('acme.example')).toMatch(/^<[0-9a-f-]{36}@acme\.example>$/)
    expect(newMessageId('evil>\r\nBcc: x')).toMatch(/^<[0-9a-f-]{36}@evilbccx>$/)
  })
})

describe('findThread', () => {
  const token = newReplyToken()
  const lookups = {
    byToken: (t: string) => (t === token ? 'report-by-token' : null),
    byMessageId: (id: string) => ({ 'a@acme.example': 'report-a', 'b@acme.example': 'report-b' })[id] ?? null,
  }

  it('prefers the reply address, then In-Reply-To, then the newest reference', async () => {
    expect(
      await findThread({ recipients: [replyAddress(BASE, token)], inReplyTo: '<a@acme.example>', references: [] }, BASE, lookups),
    ).toEqual({
      report: 'report-by-token',
      via: 'reply-address',
    })
    expect(await findThread({ recipients: [BASE], inReplyTo: '<a@acme.example>', references: [] }, BASE, lookups)).toEqual({
      report: 'report-a',
      via: 'in-reply-to',
    })
    expect(
      await findThread({ recipients: [BASE], inReplyTo: null, references: ['a@acme.example', 'x@y', 'b@acme.example'] }, BASE, lookups),
    ).toEqual({
      report: 'report-b',
      via: 'references',
    })
    expect(await findThread({ recipients: [BASE], inReplyTo: '<zz@y>', references: [] }, BASE, lookups)).toBeNull()
  })
})
