/**
 * Issue 12 item 1: an organization's partner list, managed by administrators — keys checked,
 * contacts sealed at rest, exclusions honoured — and what a partner's removal does to notices still
 * waiting.
 */
import { expect, it } from 'vitest'
import { runPartnerNotices } from '../../../src/partners/index.js'
import { useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'
import { addPartnerAsAdmin, khulnaSoftWithDraft, partnerKey } from './partner-support.js'

const words = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')

eachDialect('the partner list', (ctx) => {
  const app = useTestApp(ctx)

  it('an administrator adds, edits and removes partners and contacts; a bad key or address is refused, naming the field', async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const { org, admin, responder } = await khulnaSoftWithDraft(t)
    const b = t.browser()
    await b.signIn(admin)
    const list = `/w/${org.slug}/admin/partners`
    const key = await partnerKey('psirt@vendor.example')

    const refused = await b.submit(list, list, {
      name: 'Vendor',
      kind: 'downstream-vendor',
      maxEmbargo: 'next week',
      excludedLabels: '',
      excludedPrograms: '',
      address: 'psirt@vendor.example',
      publicKey: key.privateKey,
    })
    expect(refused.statusCode).toBe(422)
    expect(words(refused.body)).toContain('Write it in days or hours')
    expect(words(refused.body)).toContain('This is not a usable OpenPGP public key')
    expect(await t.deps.db.selectFrom('partner').select('id').where('org_id', '=', org.id).execute()).toHaveLength(0)

    const id = await addPartnerAsAdmin(t, org, admin, {
      name: 'Vendor',
      kind: 'downstream-vendor',
      maxEmbargo: '7 days',
      address: 'PSIRT@vendor.example',
      publicKey: key.publicKey,
    })
    const row = await t.deps.db
      .selectFrom('partner')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.contacts_enc).not.toContain('psirt@vendor.example') // sealed at rest
    let page = words((await b.get(list)).body)
    expect(page).toContain('psirt@vendor.example — mail encrypted to their key')
    expect(page).toContain('7 days')

    expect((await b.submit(list, `${list}/${id}/contacts`, { address: 'backup@vendor.example', publicKey: '' })).statusCode).toBe(303)
    expect(words((await b.get(list)).body)).toContain('backup@vendor.example — no key: a link only')
    expect((await b.submit(list, `${list}/${id}/contacts/0/remove`, {})).statusCode).toBe(303)
    page = words((await b.get(list)).body)
    expect(page).not.toContain('psirt@vendor.example')
    // The last contact stays.
    expect((await b.submit(list, `${list}/${id}/contacts/0/remove`, {})).statusCode).toBe(409)

    const edited = await b.submit(`${list}/${id}`, `${list}/${id}`, {
      name: 'Vendor PSIRT',
      kind: 'downstream-vendor',
      maxEmbargo: '72 hours',
      excludedLabels: 'informational',
      excludedPrograms: '',
    })
    expect(edited.statusCode).toBe(303)
    page = words((await b.get(list)).body)
    expect(page).toContain('Vendor PSIRT')
    expect(page).toContain('72 hours')

    // A responder may not manage partners.
    const r = t.browser()
    await r.signIn(responder)
    expect((await r.get(list)).statusCode).toBe(403)

    expect((await b.submit(list, `${list}/${id}/remove`, {})).statusCode).toBe(303)
    expect(words((await b.get(list)).body)).toContain('No partners yet.')
  })

  it('a partner that excludes the program of the advisory’s report is not told, and a removed partner’s scheduled notice never goes', async () => {
    const t = app()
    t.clock.current = new Date('2026-11-20T10:00:00.000Z')
    const { org, admin, responder, ownId } = await khulnaSoftWithDraft(t)
    const picky = await addPartnerAsAdmin(t, org, admin, {
      name: 'Picky CERT',
      kind: 'cert',
      excludedPrograms: 'khulnasoft',
      address: 'a@cert.example',
    })
    const later = await addPartnerAsAdmin(t, org, admin, {
      name: 'Later Vendor',
      kind: 'downstream-vendor',
      maxEmbargo: '2 days',
      address: 'b@vendor.example',
    })
    const r = t.browser()
    await r.signIn(responder)
    const coordination = `/w/${org.slug}/advisories/${ownId}/coordination`
    const base = `/w/${org.slug}/advisories/${ownId}`
    expect((await r.submit(coordination, `${base}/release`, { at: '2026-12-15T10:00' })).statusCode).toBe(303)
    // Need to know: a responder who does not hold the report does not learn the coordination page exists.
    const bystander = t.browser()
    await bystander.signIn(await t.given.member(org, 'responder'))
    expect((await bystander.get(coordination)).statusCode).toBe(404)
    const moved = await bystander.submit(`/w/${org.slug}/advisories`, `${base}/release`, { at: '2026-12-16T10:00' })
    expect(moved.statusCode).toBe(404)

    const excluded = await r.submit(coordination, `${base}/notices`, { partners: picky, later: 'on' })
    expect(excluded.statusCode).toBe(409)
    expect(words(excluded.body)).toContain('Picky CERT does not take advisories about khulnasoft.')
    expect(words((await r.get(coordination)).body)).toContain('Excluded khulnasoft')

    expect((await r.submit(coordination, `${base}/notices`, { partners: later, later: 'on' })).statusCode).toBe(303)
    const a = t.browser()
    await a.signIn(admin)
    expect((await a.submit(`/w/${org.slug}/admin/partners`, `/w/${org.slug}/admin/partners/${later}/remove`, {})).statusCode).toBe(303)
    expect(await runPartnerNotices(t.deps, new Date('2026-12-14T10:00:00.000Z'))).toMatchObject({ sent: 0 })
    const notices = await t.deps.db.selectFrom('partner_notice').select('state').where('org_id', '=', org.id).execute()
    expect(notices.map((n) => n.state)).toEqual(['cancelled'])
  })
})
