/**
 * Issue 14, item 1: a reporter attaches files on the report form (no JavaScript) and on the JSON
 * API, for a program whose policy fields have an `attachments` field. The files are kept within
 * the instance's limits (a refusal names the file and the limit and keeps the typed text), stored
 * sealed with a mail's attachments, pictures without their metadata, and the team sees and
 * downloads them on the report page exactly as mail attachments, need to know included.
 */
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { expect, it } from 'vitest'
import { type Browser, csrfFrom, type TestApp, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { basePolicy, orgWithPolicy } from '../policy/policy-support.js'

const programs = `programs:
  - slug: portal
    name: Customer portal
    kind: web-app
    inScope: true
    fields:
      - key: url
        label: Affected URL
        type: url
        required: false
      - key: evidence
        label: Proof of concept, screenshots, packet captures
        type: attachments
        required: false
  - slug: agent
    name: Sync agent
    kind: open-source
    inScope: true
    fields:
      - key: proof
        label: Proof of concept
        type: attachments
  - slug: docs
    name: Documentation site
    kind: web-app
    inScope: true
`
const needToKnow = 'confidentiality:\n  sharedWith: assigned-team\n'

const limits = { fileBytes: 200_000, reportBytes: 300_000, files: 3 }

/** A file part: name, bytes, the type the client declares. */
interface Part {
  name: string
  content: Buffer | string
  type?: string
}

/** A multipart/form-data body as a browser sends it (the platform's own FormData encoder). */
async function multipart(fields: Record<string, string>, files: Record<string, Part[]>) {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.append(k, v)
  for (const [k, list] of Object.entries(files))
    for (const f of list)
      form.append(
        k,
        new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], { type: f.type ?? 'application/octet-stream' }),
        f.name,
      )
  const request = new Request('http://localhost/', { method: 'POST', body: form })
  return { body: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type')! }
}

/** Posts the report form with files, with the page's CSRF token and bot-trap stamp, as a browser without JavaScript does. */
async function postForm(
  t: TestApp,
  b: Browser,
  slug: string,
  program: string,
  fields: Record<string, string>,
  files: Part[],
  key = 'evidence',
) {
  const page = await b.get(`/o/${slug}/report?program=${program}`)
  expect(page.statusCode).toBe(200)
  const served = /name="_served" value="([^"]+)"/.exec(page.body)![1]!
  let { body, contentType } = await multipart(
    { _csrf: csrfFrom(page.body), _served: served, program, ...fields },
    { [`field.${key}`]: files },
  )
  if (files.length === 0) {
    // A file input left empty: browsers still send the part, with an empty file name and no bytes.
    const boundary = contentType.split('boundary=')[1]!
    const empty = `--${boundary}\r\nContent-Disposition: form-data; name="field.${key}"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n`
    body = Buffer.concat([Buffer.from(empty), body])
  }
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const res = await t.app.inject({
    method: 'POST',
    url: `/o/${slug}/report`,
    payload: body,
    headers: { 'content-type': contentType, cookie },
  })
  for (const c of res.cookies as Array<{ name: string; value: string }>) b.cookies.set(c.name, c.value)
  return res
}

/**
 * The API's multipart submission: the report as a part named `report` (plain, as FormData sends a
 * string, or declared `application/json` as `curl -F 'report=…;type=application/json'` sends it),
 * the files as parts named `files`.
 */
async function postApi(t: TestApp, slug: string, report: Record<string, unknown>, files: Part[], asJsonPart = true) {
  const form = new FormData()
  for (const f of files)
    form.append(
      'files',
      new Blob([typeof f.content === 'string' ? f.content : new Uint8Array(f.content)], { type: f.type ?? 'application/octet-stream' }),
      f.name,
    )
  const request = new Request('http://localhost/', { method: 'POST', body: form })
  const contentType = request.headers.get('content-type')!
  const boundary = contentType.split('boundary=')[1]!
  const typeLine = asJsonPart ? 'Content-Type: application/json\r\n' : ''
  const reportPart = `--${boundary}\r\nContent-Disposition: form-data; name="report"\r\n${typeLine}\r\n${JSON.stringify(report)}\r\n`
  const rest = Buffer.from(await request.arrayBuffer())
  const payload = files.length > 0 ? Buffer.concat([Buffer.from(reportPart), rest]) : Buffer.from(`${reportPart}--${boundary}--\r\n`)
  return t.app.inject({ method: 'POST', url: `/api/v1/orgs/${slug}/reports`, payload, headers: { 'content-type': contentType } })
}

/** Posts a multipart form with the browser's cookies (the page's CSRF token is in `fields`). */
async function postMultipart(t: TestApp, b: Browser, url: string, fields: Record<string, string>, files: Record<string, Part[]>) {
  const { body, contentType } = await multipart(fields, files)
  const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const res = await t.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': contentType, cookie } })
  for (const c of res.cookies as Array<{ name: string; value: string }>) b.cookies.set(c.name, c.value)
  return res
}

/** The download links on the team's report page, by file name. */
const links = (html: string) =>
  new Map([...html.matchAll(/<a href="([^"]+\/attachments\/[^"]+)" download="([^"]+)"/g)].map((m) => [m[2]!, m[1]!]))

/** A photo as a phone writes it: GPS position, camera make and serial number in its EXIF, rotated by the EXIF orientation. */
async function photoWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'CANARY-CAMERA-MAKE', Model: 'Phone 9' },
      IFD2: { BodySerialNumber: 'CANARY-SERIAL-4471' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 12/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '16/1 22/1 20/1' },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer()
}

const poc = '#!/usr/bin/env python3\nimport requests\nprint(requests.get("https://app.example.org/?next=//evil.example").url)\n'

eachDialect('attachments on the report form and the API', (ctx) => {
  const app = useTestApp(ctx, { attachmentLimits: limits })

  const signedIn = async (t: TestApp, m: { email: string; password: string }) => {
    const b = t.browser()
    await b.signIn(m)
    return b
  }

  it('the form of a program with an attachments field takes files without JavaScript; the receipt lists them and the team downloads them', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const reporter = t.browser()
    const form = (await reporter.get(`/o/${org.slug}/report?program=portal`)).body
    expect(form).toContain('enctype="multipart/form-data"')
    expect(form).toContain('type="file"')
    expect(form).toContain('name="field.evidence"')
    expect(form).toContain('multiple')
    expect(form).toContain('Proof of concept, screenshots, packet captures (optional)')
    expect(form).toContain('Up to 3 files, 195.3 KiB each and 293 KiB in all')
    // A program without one: no file input, a plain form.
    const plain = (await reporter.get(`/o/${org.slug}/report?program=docs`)).body
    expect(plain).not.toContain('type="file"')
    expect(plain).not.toContain('multipart/form-data')

    const png = await sharp({ create: { width: 8, height: 8, channels: 4, background: '#0a0' } })
      .png()
      .toBuffer()
    const res = await postForm(
      t,
      reporter,
      org.slug,
      'portal',
      { title: 'Open redirect', description: 'The next parameter is followed.' },
      [
        { name: 'poc.py', content: poc, type: 'text/x-python' },
        { name: '../../etc/screenshot.png', content: png, type: 'image/png' },
      ],
    )
    expect(res.statusCode).toBe(303)
    const receipt = await reporter.get(res.headers.location as string)
    expect(receipt.body).toContain('Files received')
    expect(receipt.body).toContain(`poc.py (${Buffer.byteLength(poc)} bytes)`)
    expect(receipt.body).toMatch(/screenshot\.png \(\d+ bytes\)/)
    // A reload still lists them (the link itself is shown once only).
    expect((await reporter.get(res.headers.location as string)).body).toContain(`poc.py (${Buffer.byteLength(poc)} bytes)`)

    const ref = /(?:Report|report) ([A-Z0-9]+-\d{4}-\d{4})/.exec(receipt.body)?.[1]
    const row = await t.deps.db.selectFrom('report').select(['ref', 'id']).where('org_id', '=', org.id).executeTakeFirstOrThrow()
    if (ref) expect(ref).toBe(row.ref)
    // Sealed at rest: neither the name nor the script is in the row as sent.
    const stored = await t.deps.db
      .selectFrom('attachment')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('report_id', '=', row.id)
      .execute()
    expect(stored).toHaveLength(2)
    for (const a of stored) {
      expect(a.content_enc).not.toContain('requests.get')
      expect(a.content_enc).not.toContain(Buffer.from(poc).toString('base64').slice(0, 20))
      expect(a.safe_name_enc).not.toContain('poc.py')
      expect(a.message_id).toBeNull()
    }

    const admin = await t.given.member(org, 'admin', 'Ada Admin')
    const team = await signedIn(t, admin)
    const page = `/w/${org.slug}/reports/${row.ref}`
    const files = links((await team.get(page)).body)
    expect([...files.keys()].sort()).toEqual(['poc.py', 'screenshot.png'])
    const download = await team.get(files.get('poc.py')!)
    expect(download.statusCode).toBe(200)
    expect(download.headers['content-type']).toBe('application/octet-stream')
    expect(download.headers['content-disposition']).toBe(`attachment; filename="poc.py"; filename*=UTF-8''poc.py`)
    expect(download.headers['x-content-type-options']).toBe('nosniff')
    expect(download.headers['content-security-policy']).toBe('sandbox')
    expect(download.rawPayload.toString('utf8')).toBe(poc)
    const shown = (await team.get(page)).body
    expect(shown).toContain(createHash('sha256').update(poc).digest('hex'))
    expect(shown).toContain('image/png')
    expect(shown).toContain('Downloaded poc.py')
  })

  it('a picture loses its EXIF (GPS position, camera, serial number) before it is stored, and keeps the way it was meant to be seen', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const photo = await photoWithGps()
    // The photo really carries what must go.
    const before = await sharp(photo).metadata()
    expect(before.exif?.toString('latin1')).toContain('CANARY-SERIAL-4471')
    // The GPS IFD pointer (tag 0x8825, little-endian as sharp writes it) and the latitude 48°12'30" (rationals 48/1, 12/1, 30/1).
    const gpsPointer = Buffer.from([0x25, 0x88])
    const latitude = Buffer.from('30000000010000000c000000010000001e00000001000000', 'hex')
    expect(before.exif!.includes(gpsPointer)).toBe(true)
    expect(before.exif!.includes(latitude)).toBe(true)
    expect(before.orientation).toBe(6)
    const res = await postApi(t, org.slug, { title: 'Leak', description: 'See the photo.', program: 'agent' }, [
      { name: 'IMG_0042.jpg', content: photo, type: 'image/jpeg' },
    ])
    expect(res.statusCode).toBe(201)
    expect(res.json().files).toEqual([{ name: 'IMG_0042.jpg', size: expect.any(Number) }])
    const admin = await t.given.member(org, 'admin')
    const team = await signedIn(t, admin)
    const href = links((await team.get(`/w/${org.slug}/reports/${res.json().ref}`)).body).get('IMG_0042.jpg')!
    const got = (await team.get(href)).rawPayload
    const after = await sharp(got).metadata()
    expect(after.format).toBe('jpeg')
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    for (const canary of ['CANARY-SERIAL-4471', 'CANARY-CAMERA-MAKE', 'Exif\0\0']) expect(got.includes(canary)).toBe(false)
    expect(got.includes(latitude)).toBe(false)
    // The orientation was applied to the pixels: 40×20 turned a quarter is 20×40.
    expect([after.width, after.height]).toEqual([20, 40])
  })

  it('a file over a limit is refused by name and limit, with the typed text kept; nothing is stored', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const typed = { title: 'CANARY-TYPED-TITLE', description: 'CANARY-TYPED-DESCRIPTION', 'field.url': 'https://app.example.org/x' }
    const big = Buffer.alloc(limits.fileBytes + 1, 0x61)
    const tooBig = await postForm(t, t.browser(), org.slug, 'portal', typed, [
      { name: 'small.txt', content: 'ok' },
      { name: 'capture.pcap', content: big },
    ])
    expect(tooBig.statusCode).toBe(413)
    expect(tooBig.body).toContain('“capture.pcap” is larger than 195.3 KiB, the limit for one file.')
    expect(tooBig.body).toContain('CANARY-TYPED-TITLE')
    expect(tooBig.body).toContain('CANARY-TYPED-DESCRIPTION')
    expect(tooBig.body).toContain('value="https://app.example.org/x"')
    expect(tooBig.body).toContain('please attach them again')

    const file = (n: number) => ({ name: `part-${n}.txt`, content: `file ${n}` })
    const tooMany = await postForm(t, t.browser(), org.slug, 'portal', typed, [file(1), file(2), file(3), file(4)])
    expect(tooMany.statusCode).toBe(413)
    expect(tooMany.body).toContain('“part-4.txt” is one file too many: one report takes at most 3 files.')
    expect(tooMany.body).toContain('CANARY-TYPED-DESCRIPTION')

    const half = Buffer.alloc(160_000, 0x62)
    const tooMuch = await postForm(t, t.browser(), org.slug, 'portal', typed, [
      { name: 'a.bin', content: half },
      { name: 'b.bin', content: half },
    ])
    expect(tooMuch.statusCode).toBe(413)
    expect(tooMuch.body).toContain('With “b.bin” the files come to more than 293 KiB, the limit for one report.')

    const api = await postApi(t, org.slug, { title: 'x', description: 'y', program: 'agent' }, [{ name: 'capture.pcap', content: big }])
    expect(api.statusCode).toBe(413)
    expect(api.headers['content-type']).toContain('application/problem+json')
    expect(api.json()).toMatchObject({ status: 413, file: 'capture.pcap', limit: 'file-bytes', max: limits.fileBytes })
    expect(api.json().detail).toContain('capture.pcap')
    expect(await t.deps.db.selectFrom('report').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
    expect(await t.deps.db.selectFrom('attachment').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)
  })

  it("files go only to a program that asks for them; a required attachments field needs a file; the form's CSRF token is checked", async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const base = { title: 'T', description: 'D' }
    const docs = await postApi(t, org.slug, { ...base, program: 'docs' }, [{ name: 'x.txt', content: 'x' }])
    expect(docs.statusCode, docs.body).toBe(422)
    expect(docs.json().errors).toEqual({ program: 'files-not-accepted' })
    const missing = await postApi(t, org.slug, { ...base, program: 'agent' }, [])
    expect(missing.statusCode).toBe(422)
    expect(missing.json().errors).toEqual({ 'field.proof': 'required' })
    // The report part may also come as plain text.
    // The OpenAPI document says how.
    const doc = (await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json()
    const documented = doc.paths['/api/v1/orgs/{org}/reports'].post.requestBody.content
    expect(documented['application/json'].schema.properties.title).toBeDefined()
    expect(documented['multipart/form-data'].schema.properties.report.properties.title).toBeDefined()
    expect(documented['multipart/form-data'].schema.properties.files.type).toBe('array')
    expect(documented['multipart/form-data'].encoding.report.contentType).toBe('application/json')
    const plainPart = await postApi(t, org.slug, { ...base, program: 'agent' }, [{ name: 'poc.sh', content: 'curl x' }], false)
    expect(plainPart.statusCode).toBe(201)

    const required = await postForm(t, t.browser(), org.slug, 'agent', base, [], 'proof')
    expect(required.statusCode).toBe(422)
    expect(required.body).toContain('This field is required.')

    // No token, or another browser's: refused before anything is stored.
    const b = t.browser()
    const page = await b.get(`/o/${org.slug}/report?program=portal`)
    const served = /name="_served" value="([^"]+)"/.exec(page.body)![1]!
    const { body, contentType } = await multipart(
      { _served: served, program: 'portal', ...base },
      { 'field.evidence': [{ name: 'a.txt', content: 'a' }] },
    )
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const forged = await t.app.inject({
      method: 'POST',
      url: `/o/${org.slug}/report`,
      payload: body,
      headers: { 'content-type': contentType, cookie },
    })
    expect(forged.statusCode).toBe(403)
    const stored = await t.deps.db.selectFrom('attachment').select('id').where('org_id', '=', org.id).execute()
    expect(stored).toHaveLength(1)
  })

  it('need to know: a responder who does not hold the report neither sees nor downloads its files; the holder does', async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs + needToKnow))
    const res = await postApi(t, org.slug, { title: 'Secret', description: 'D', program: 'agent' }, [
      { name: 'exploit.py', content: 'CANARY-EXPLOIT-BYTES' },
    ])
    expect(res.statusCode).toBe(201)
    const ref = res.json().ref as string
    const admin = await t.given.member(org, 'admin')
    const holder = await t.given.member(org, 'responder', 'Hal Holder')
    const bystander = await t.given.member(org, 'responder', 'Bea Bystander')
    const adminBrowser = await signedIn(t, admin)
    const page = `/w/${org.slug}/reports/${ref}`
    const href = links((await adminBrowser.get(page)).body).get('exploit.py')!
    const h = await signedIn(t, holder)
    expect((await h.submit(page, `${page}/claim`, {})).statusCode).toBe(303)
    expect((await h.get(href)).rawPayload.toString()).toBe('CANARY-EXPLOIT-BYTES')
    const b = await signedIn(t, bystander)
    expect((await b.get(page)).body).not.toContain('exploit.py')
    const refused = await b.get(href)
    expect(refused.statusCode).toBe(404)
    expect(refused.body).not.toContain('CANARY-EXPLOIT-BYTES')
  })

  it("the reporter's follow-up reply takes files too, stored with the message; a refused file keeps the typed reply", async () => {
    const t = app()
    const org = await orgWithPolicy(t, (slug) => basePolicy(slug, programs))
    const sent = await postApi(t, org.slug, { title: 'Follow-up files', description: 'D', program: 'agent' }, [
      { name: 'first.txt', content: '1' },
    ])
    expect(sent.statusCode).toBe(201)
    const reporter = t.browser()
    const opened = await reporter.get(new URL(sent.json().followUpUrl as string).pathname)
    expect(opened.headers.location).toBe('/follow-up')
    const page = await reporter.get('/follow-up')
    expect(page.body).toContain('enctype="multipart/form-data"')
    expect(page.body).toContain('name="files"')
    const big = Buffer.alloc(limits.fileBytes + 1, 0x63)
    const refused = await postMultipart(
      t,
      reporter,
      '/follow-up/reply',
      { _csrf: csrfFrom(page.body), body: 'CANARY-REPLY-TEXT' },
      {
        files: [{ name: 'huge.pcap', content: big }],
      },
    )
    expect(refused.statusCode).toBe(413)
    expect(refused.body).toContain('“huge.pcap” is larger than 195.3 KiB, the limit for one file.')
    expect(refused.body).toContain('CANARY-REPLY-TEXT')
    const again = await reporter.get('/follow-up')
    const ok = await postMultipart(
      t,
      reporter,
      '/follow-up/reply',
      { _csrf: csrfFrom(again.body), body: 'Here is the capture.' },
      {
        files: [{ name: 'capture.pcap', content: Buffer.from('d4c3b2a1020004000000000000000000ffff000001000000', 'hex') }],
      },
    )
    expect(ok.statusCode).toBe(303)
    const admin = await t.given.member(org, 'admin')
    const team = await signedIn(t, admin)
    const shown = (await team.get(`/w/${org.slug}/reports/${sent.json().ref}`)).body
    expect([...links(shown).keys()].sort()).toEqual(['capture.pcap', 'first.txt'])
    expect(shown).toContain('Here is the capture.')
    expect(shown).toContain('application/vnd.tcpdump.pcap')
  })
})
