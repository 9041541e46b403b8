import { expect, it } from 'vitest'
import { cipherFor } from '../../src/deps.js'
import { browserSuite } from '../support/browser.js'

/**
 * Issue 13 walked like people do it in Chromium: an administrator invites by address from the
 * members page, the invitee opens the mailed link, chooses a password, signs in with it, and is
 * refused at the very next request once the administrator removes them.
 */
browserSuite('accounts: invitation to revocation in Chromium', ({ app, browser, origin, shot }) => {
  it('an invitee sets their own password from the mailed link, signs in, and is refused as soon as an admin removes them', {
    timeout: 60_000,
  }, async () => {
    const t = app()
    const org = await t.given.org({ name: 'Acme Security' })
    const adminMember = await t.given.member(org, 'admin')
    const email = `invitee-${Date.now()}@example.org`

    const adminContext = await browser().newContext()
    const admin = await adminContext.newPage()
    admin.setDefaultTimeout(8000)
    await admin.goto(`${origin()}/login`)
    await admin.getByLabel('E-mail').fill(adminMember.email)
    await admin.getByLabel('Password').fill(adminMember.password)
    await admin.getByRole('button', { name: 'Sign in' }).click()
    await admin.goto(`${origin()}/w/${org.slug}/reports`)
    await admin.getByRole('link', { name: 'Members' }).click()
    const inviteForm = admin.locator(`form[action="/w/${org.slug}/admin/members"]`)
    await inviteForm.getByLabel('E-mail').fill(email)
    await inviteForm.getByLabel('Role').selectOption('responder')
    await inviteForm.getByRole('button', { name: 'Send invitation' }).click()
    await admin.getByText('an invitation is on its way').waitFor()
    await shot(admin, 'accounts-1-invited')

    // The invitee's mailbox: the link from the queued mail.
    const rows = await t.deps.db.selectFrom('outbox').selectAll().where('org_id', '=', org.id).execute()
    const mails = rows.map(
      (r) => JSON.parse(cipherFor(t.deps, org).decrypt(r.payload_enc, `outbox.payload|${r.id}`)) as { to: string; link?: string },
    )
    const link = mails.find((m) => m.to === email)?.link
    expect(link).toBeTruthy()

    const inviteeContext = await browser().newContext()
    const invitee = await inviteeContext.newPage()
    invitee.setDefaultTimeout(8000)
    await invitee.goto(new URL(new URL(link!).pathname, origin()).href)
    await invitee.getByLabel('Your name').fill('Ines Invitee')
    await invitee.locator('input[name="password"]').fill('a phrase only ines knows')
    await invitee.getByLabel('New password again').fill('a phrase only ines knows')
    await shot(invitee, 'accounts-2-choose-password')
    await invitee.getByRole('button', { name: 'Create account and join' }).click()
    await invitee.waitForURL((url) => url.pathname === `/w/${org.slug}/reports`)
    // Signs out and in again with the password they chose.
    await invitee.getByRole('button', { name: 'Sign out' }).click()
    await invitee.goto(`${origin()}/login`)
    await invitee.getByLabel('E-mail').fill(email)
    await invitee.getByLabel('Password').fill('a phrase only ines knows')
    await invitee.getByRole('button', { name: 'Sign in' }).click()
    await invitee.goto(`${origin()}/w/${org.slug}/reports`)
    expect(new URL(invitee.url()).pathname).toBe(`/w/${org.slug}/reports`)

    await admin.reload()
    await admin
      .getByRole('row', { name: /Ines Invitee/ })
      .getByRole('button', { name: 'Remove' })
      .click()
    await admin.waitForURL((url) => url.pathname === `/w/${org.slug}/admin/members`)
    await shot(admin, 'accounts-3-removed')
    expect(await admin.getByRole('row', { name: /Ines Invitee/ }).count()).toBe(0)

    // The invitee's open session is refused at its next request.
    const answer = await invitee.goto(`${origin()}/w/${org.slug}/reports`)
    await shot(invitee, 'accounts-4-refused')
    expect(new URL(invitee.url()).pathname === '/login' || answer?.status() === 401).toBe(true)
    expect(await invitee.getByText('Sign in').count()).toBeGreaterThan(0)
    await adminContext.close()
    await inviteeContext.close()
  })
})
