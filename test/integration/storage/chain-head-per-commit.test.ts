/**
 * The event chain's head is written once per commit (a SQLite group commit carries it from one
 * unit to the next in memory): whatever mix of units succeeds and fails in one commit, the log
 * holds exactly the events of the units that succeeded, the chain verifies from the first event to
 * the last, and the organization's head names the last one.
 */
import { expect, it } from 'vitest'
import { newId } from '../../../src/storage/ids.js'
import { appendEvents, findChainBreak, verifyEventChain } from '../../../src/storage/repositories/event-repository.js'
import { WriteQueue } from '../../../src/storage/write-queue.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('event chain head, once per commit', ({ useDatabase }) => {
  const database = useDatabase()

  it('keeps the chain whole across a commit in which some units fail after appending', async () => {
    const { db } = database()
    const orgId = newId()
    await db
      .insertInto('organization')
      .values({ id: orgId, slug: 'chain', name: 'Chain', ref_prefix: 'C', data_key_wrapped: 'k', created_at: new Date().toISOString() })
      .execute()
    const queue = new WriteQueue(database())
    const event = (type: string) => ({
      reportId: null,
      actorKind: 'system' as const,
      actorId: null,
      type,
      data: { type },
      at: new Date().toISOString(),
    })
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, (_, i) =>
        queue.transaction(async (tx) => {
          await appendEvents(tx, orgId, [event(`t.${i}.a`), event(`t.${i}.b`)])
          if (i % 3 === 1) throw new Error('this unit changes its mind after appending')
          return i
        }),
      ),
    )
    const kept = outcomes.flatMap((o, i) => (o.status === 'fulfilled' ? [i] : []))
    expect(kept).toHaveLength(40)
    const events = await db.selectFrom('event').select(['seq', 'type', 'hash']).where('org_id', '=', orgId).orderBy('seq').execute()
    // Each kept unit's two events, next to each other (on PostgreSQL the units commit in any order).
    const pairs = Array.from({ length: events.length / 2 }, (_, k) => `${events[2 * k]?.type}+${events[2 * k + 1]?.type}`)
    expect(pairs.sort()).toEqual(kept.map((i) => `t.${i}.a+t.${i}.b`).sort())
    expect(events.map((e) => Number(e.seq))).toEqual(events.map((_, i) => i + 1))
    expect(await verifyEventChain(db, orgId)).toBeNull()
    expect(await findChainBreak(db, orgId)).toBeNull()
    const org = await db.selectFrom('organization').select(['event_seq', 'event_head']).where('id', '=', orgId).executeTakeFirstOrThrow()
    expect(Number(org.event_seq)).toBe(80)
    expect(org.event_head).toBe(events.at(-1)?.hash)
    // The next commit continues the chain from the stored head.
    await queue.transaction((tx) => appendEvents(tx, orgId, [event('after')]))
    expect(await verifyEventChain(db, orgId)).toBeNull()
    expect(await findChainBreak(db, orgId)).toBeNull()
  })
})
