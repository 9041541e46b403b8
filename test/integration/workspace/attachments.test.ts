/**
 * Finding 2 of the outside security review (issue 8): the team must see what a reporter attached
 * and what an HTML-only mail says. Mail arrives over a real SMTP socket; the team reads the report
 * page and downloads files through the application's front door.
 */
import { createHash } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cipherFor } from '../../../src/deps.js'
import { type InboundService, startInbound } from '../../../src/mail/inbound-service.js'
import { setSecurityAddress } from '../../../src/mail/index.js'
import { messageIdIndex } from '../../../src/storage/repositories/mail-repository.js'
import type { OrganizationRow } from '../../../src/storage/schema.js'
import { type TestMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { mta } from '../../support/mail.js'

/** A tiny but real PNG (8-byte signature, IHDR): `file-type` recognizes it from the bytes alone. */
const png = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63f8cfc0f01f0005000201b1a1bb6c0000000049454e44ae426082',
  'hex',
)

eachDialect('finding 2: attachments and HTML-only mail reach the team', (ctx) => {
  const app = useTestApp(ctx)
  let inbound: InboundService
  let org: OrganizationRow
  let other: OrganizationRow
  let security: string
  let alice: TestMember
  let outsider: TestMember

  beforeAll(async () => {
    const t = app()
    org = await t.given.org()
    other = await t.given.org()
    security = `security@${org.slug}.example`
    expect((await setSecurityAddress(t.deps, org, { address: security, encryptionRequired: false })).ok).toBe(true)
    alice = await t.given.member(org, 'viewer')
    outsider = await t.given.member(other, 'admin')
    inbound = await startInbound(t.deps, { smtp: { host: '127.0.0.1', port: 0 } })
  })
  afterAll(async () => {
    await inbound?.stop()
  })

  const send = async (mail: Parameters<ReturnType<typeof mta>['sendMail']>[0]) => {
    const client = mta(inbound.smtpPort!)
    try {
      await client.sendMail(mail)
    } finally {
      client.close()
    }
    await inbound.idle()
  }
  const refOf = async (messageId: string) => {
    const row = await app()
      .deps.db.selectFrom('inbound_mail')
      .innerJoin('report', 'report.id', 'inbound_mail.report_id')
      .select(['report.ref', 'inbound_mail.state'])
      .where('inbound_mail.org_id', '=', org.id)
      .where('inbound_mail.message_id_index', '=', messageIdIndex(cipherFor(app().deps, org), messageId))
      .executeTakeFirstOrThrow()
    expect(row.state).toBe('ingested')
    return row.ref
  }
  const signedIn = async (member: TestMember) => {
    const b = app().browser()
    await b.signIn(member)
    return b
  }
  /** The download links on the report page, by file name. */
  const links = (html: string) =>
    new Map([...html.matchAll(/<a href="([^"]+\/(?:attachments|mails)\/[^"]+)" download="([^"]+)"/g)].map((m) => [m[2]!, m[1]!]))

  it('finding 2: an HTML-only mail shows its text in the thread, links kept as text, images dropped; the HTML stays downloadable', async () => {
    await send({
      from: 'Hana <hana@example.net>',
      to: security,
      subject: 'Stored XSS in profile',
      html: '<html><head><style>p{color:red}</style></head><body><p>The <b>bio</b> field is rendered unescaped.</p><p>See <a href="https://poc.example.net/xss">the proof</a>.</p><img src="https://tracker.example.net/pixel.gif" alt="TRACKING-ALT"><script>alert(1)</script></body></html>',
      messageId: '<html-only-1@example.net>',
    })
    const ref = await refOf('html-only-1@example.net')
    const team = await signedIn(alice)
    const page = await team.get(`/w/${org.slug}/reports/${ref}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).not.toContain('(Empty message.)')
    expect(page.body).toContain('The bio field is rendered unescaped.')
    expect(page.body).toContain('https://poc.example.net/xss')
    expect(page.body).not.toContain('tracker.example.net')
    expect(page.body).not.toContain('TRACKING-ALT')
    expect(page.body).not.toContain('alert(1)')
    const href = links(page.body).get('message.html')
    expect(href, 'message.html is listed').toBeDefined()
    const html = await team.get(href!)
    expect(html.statusCode).toBe(200)
    expect(html.rawPayload.toString('utf8')).toContain('<a href="https://poc.example.net/xss">')
    expect(html.headers['content-type']).toBe('application/octet-stream')
  })

  it('finding 2: the report page lists each attachment with name, size, type sniffed from the bytes and SHA-256, and the raw mail', async () => {
    await send({
      from: 'ivan@example.net',
      to: security,
      subject: 'Screenshot attached',
      text: 'See the screenshot.',
      messageId: '<attach-1@example.net>',
      attachments: [
        // Declared as a PDF; the bytes are a PNG: the page says what the bytes are.
        { filename: 'Schön beweis "1".pdf', contentType: 'application/pdf', content: png },
        { filename: 'notes.txt', contentType: 'text/plain', content: 'plain notes\n' },
      ],
    })
    const ref = await refOf('attach-1@example.net')
    const team = await signedIn(alice)
    const page = await team.get(`/w/${org.slug}/reports/${ref}`)
    const body = page.body
    const found = links(body)
    expect([...found.keys()].some((n) => /^mail-.*\.eml$/.test(n))).toBe(true)
    expect(found.has('Schön beweis _1_.pdf')).toBe(true)
    expect(found.has('notes.txt')).toBe(true)
    const row = (name: string) => {
      const at = body.indexOf(`download="${name}"`)
      return body.slice(at, body.indexOf('</tr>', at))
    }
    const pngRow = row('Schön beweis _1_.pdf')
    expect(pngRow).toContain(`${png.length} bytes`)
    expect(pngRow).toContain('image/png')
    expect(pngRow).not.toContain('application/pdf')
    expect(pngRow).toContain(createHash('sha256').update(png).digest('hex'))
    const txtRow = row('notes.txt')
    expect(txtRow).toContain('12 bytes')
    expect(txtRow).toContain('not recognized')
    expect(txtRow).toContain(createHash('sha256').update('plain notes\n').digest('hex'))
    // A name outside ASCII: an ASCII fallback and the exact UTF-8 name (RFC 6266 / RFC 8187).
    const res = await team.get(found.get('Schön beweis _1_.pdf')!)
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Sch_n beweis _1_.pdf"; filename*=UTF-8''Sch%C3%B6n%20beweis%20_1_.pdf`,
    )
    expect(res.rawPayload.equals(png)).toBe(true)
  })

  describe('downloads', () => {
    let ref: string
    let sent: Buffer
    beforeAll(async () => {
      sent = Buffer.from(
        [
          'From: Jo <jo@example.net>',
          `To: ${security}`,
          'Subject: Exploit attached',
          'Message-ID: <raw-1@example.net>',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="b1"',
          '',
          '--b1',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'The exploit is attached.',
          '--b1',
          'Content-Type: text/html; name="exploit.html"',
          'Content-Disposition: attachment; filename="exploit.html"',
          '',
          '<script>document.title="pwned"</script>',
          '--b1--',
          '',
        ].join('\r\n'),
      )
      await send({ envelope: { from: 'jo@example.net', to: [security] }, raw: sent })
      ref = await refOf('raw-1@example.net')
    })

    it('finding 2: a download is an opaque attachment with exactly the safe headers, never rendered', async () => {
      const team = await signedIn(alice)
      const href = links((await team.get(`/w/${org.slug}/reports/${ref}`)).body).get('exploit.html')!
      const res = await team.get(href)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/octet-stream')
      expect(res.headers['content-disposition']).toBe(`attachment; filename="exploit.html"; filename*=UTF-8''exploit.html`)
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['content-security-policy']).toBe('sandbox')
      expect(res.headers['cache-control']).toBe('no-store')
      expect(res.rawPayload.toString('utf8').trimEnd()).toBe('<script>document.title="pwned"</script>')
    })

    it('finding 2: the .eml download is byte for byte the mail that was sent', async () => {
      const team = await signedIn(alice)
      const [name, href] = [...links((await team.get(`/w/${org.slug}/reports/${ref}`)).body)].find(([n]) => n.endsWith('.eml'))!
      const res = await team.get(href)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('application/octet-stream')
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${name}"; filename*=UTF-8''${name}`)
      expect(res.headers['content-security-policy']).toBe('sandbox')
      expect(res.rawPayload.equals(sent)).toBe(true)
    })

    it('finding 2: every download is on the report timeline, saying who downloaded what', async () => {
      const t = app()
      const bob = await t.given.member(org, 'responder', 'Bob Downloader')
      const team = await signedIn(bob)
      const page = `/w/${org.slug}/reports/${ref}`
      const href = links((await team.get(page)).body).get('exploit.html')!
      await team.get(href)
      const events = await t.deps.db
        .selectFrom('event')
        .innerJoin('report', 'report.id', 'event.report_id')
        .select(['event.type', 'event.actor_id', 'event.data'])
        .where('event.org_id', '=', org.id)
        .where('report.org_id', '=', org.id)
        .where('report.ref', '=', ref)
        .where('event.type', '=', 'file.downloaded')
        .where('event.actor_id', '=', bob.id)
        .execute()
      expect(events).toHaveLength(1)
      expect(events[0]!.data).not.toContain('exploit.html') // names are sealed, the event names the file by id
      const timeline = (await team.get(page)).body
      expect(timeline).toContain('Downloaded exploit.html')
    })

    it('finding 2: a member of another organization gets 404 for the list and for every file', async () => {
      const team = await signedIn(alice)
      const files = [...links((await team.get(`/w/${org.slug}/reports/${ref}`)).body).values()]
      expect(files.length).toBeGreaterThanOrEqual(2)
      const stranger = await signedIn(outsider)
      expect((await stranger.get(`/w/${org.slug}/reports/${ref}`)).statusCode).toBe(404)
      for (const href of files) {
        expect((await stranger.get(href)).statusCode).toBe(404)
        // Their own organization's path with our file ids: still not found.
        expect((await stranger.get(href.replace(`/w/${org.slug}/`, `/w/${other.slug}/`))).statusCode).toBe(404)
      }
      // Signed out: no file either.
      const anonymous = app().browser()
      const res = await anonymous.get(files[0]!)
      expect([302, 303, 401, 404]).toContain(res.statusCode)
      expect(res.headers['content-disposition']).toBeUndefined()
    })

    it('finding 2: a file of one report cannot be read through another report of the same organization', async () => {
      const t = app()
      const team = await signedIn(alice)
      const href = links((await team.get(`/w/${org.slug}/reports/${ref}`)).body).get('exploit.html')!
      const unrelated = await t.given.report(org)
      const res = await team.get(href.replace(`/reports/${ref}/`, `/reports/${unrelated.ref}/`))
      expect(res.statusCode).toBe(404)
    })
  })
})
