/**
 * Found by the soak on PostgreSQL: concurrent writes to one organization (replies, submissions)
 * deadlocked, and PostgreSQL aborted one of them ("deadlock detected", a 500 for the user).
 *
 * Cause: every insert of a row with `org_id` takes a FOR KEY SHARE lock on the organization row
 * (the foreign-key check), and `appendEvents` then asked for FOR UPDATE on that same row to
 * serialize the event chain. FOR UPDATE conflicts with another transaction's KEY SHARE, so two
 * transactions that had both inserted a row waited for each other. FOR NO KEY UPDATE serializes
 * the appends just the same and does not conflict with KEY SHARE.
 */
import { expect, it } from 'vitest'
import { postMessage } from '../../../src/workspace/use-cases/post-message.js'
import { asMember, useTestApp } from '../../support/app.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('concurrent writes to one organization', (ctx) => {
  const app = useTestApp(ctx)

  it('never deadlock: 40 replies and 20 submissions at once all commit, and the chain holds', async () => {
    const t = app()
    const org = await t.given.org({ slug: 'busy' })
    const alice = await t.given.member(org, 'responder', 'Alice')
    const refs = [(await t.given.report(org)).ref, (await t.given.report(org)).ref]
    const replies = Array.from({ length: 40 }, (_, i) =>
      postMessage(t.deps, org, refs[i % 2]!, { member: asMember(alice), body: `reply ${i}`, visibility: 'reporter' }),
    )
    const submissions = Array.from({ length: 20 }, (_, i) =>
      t.given.report(org, { title: `concurrent ${i}`, reporterEmail: `c${i}@example.net` }),
    )
    const outcomes = await Promise.allSettled([...replies, ...submissions])
    const failures = outcomes.filter((o) => o.status === 'rejected').map((o) => String((o as PromiseRejectedResult).reason))
    expect(failures).toEqual([])
    const messages = await t.deps.db
      .selectFrom('message')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('org_id', '=', org.id)
      .executeTakeFirstOrThrow()
    expect(Number(messages.n)).toBe(40)
    const { verifyEventChain } = await import('../../../src/storage/repositories/event-repository.js')
    expect(await verifyEventChain(t.deps.db, org.id)).toBeNull()
  })
})
