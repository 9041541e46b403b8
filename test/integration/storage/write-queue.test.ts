import { sql } from 'kysely'
import { expect, it } from 'vitest'
import { newId } from '../../../src/storage/ids.js'
import { WriteQueue } from '../../../src/storage/write-queue.js'
import { eachDialect } from '../../support/databases.js'

eachDialect('write queue (group commit)', ({ useDatabase, dialect }) => {
  const database = useDatabase()

  const insertOrg = (slug: string) => async (tx: Parameters<Parameters<WriteQueue['transaction']>[0]>[0]) => {
    await tx
      .insertInto('organization')
      .values({ id: newId(), slug, name: slug, ref_prefix: 'X', data_key_wrapped: 'k', created_at: new Date().toISOString() })
      .execute()
    return slug
  }

  it('commits many concurrent units and answers each with its own result', async () => {
    const queue = new WriteQueue(database())
    const slugs = Array.from({ length: 300 }, (_, i) => `wq-${dialect}-${i}`)
    const results = await Promise.all(slugs.map((slug) => queue.transaction(insertOrg(slug))))
    expect(results).toEqual(slugs)
    const stored = await database().db.selectFrom('organization').select('slug').where('slug', 'like', `wq-${dialect}-%`).execute()
    expect(stored).toHaveLength(300)
  })

  it('rolls back and rejects only the unit that failed; the others of the same commit stay', async () => {
    const queue = new WriteQueue(database())
    await queue.transaction(insertOrg('fail-0'))
    const outcomes = await Promise.allSettled([
      queue.transaction(insertOrg('fail-a')),
      queue.transaction(async (tx) => {
        await insertOrg('fail-b')(tx)
        throw new Error('this unit changes its mind')
      }),
      queue.transaction(insertOrg('fail-c')),
      queue.transaction(insertOrg('fail-0')), // unique violation
    ])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected'])
    const stored = await database().db.selectFrom('organization').select('slug').where('slug', 'like', 'fail-%').orderBy('slug').execute()
    expect(stored.map((r) => r.slug)).toEqual(['fail-0', 'fail-a', 'fail-c'])
  })

  it.runIf(dialect === 'sqlite')('tells nobody "done" when the shared commit itself fails', async () => {
    const queue = new WriteQueue(database())
    // The next three arrive while the first commit is under way, so they share the second commit.
    const next: Promise<unknown>[] = []
    const first = queue.transaction(async (tx) => {
      next.push(
        queue.transaction(insertOrg('commit-1')),
        queue.transaction(async (tx) => {
          // A foreign key checked only at COMMIT: the whole batch's commit fails.
          await sql`pragma defer_foreign_keys = on`.execute(tx)
          await tx
            .insertInto('program')
            .values({ id: newId(), org_id: 'no-such-org', slug: 'p', name: 'p', kind: 'other', created_at: 'x' })
            .execute()
        }),
        queue.transaction(insertOrg('commit-3')),
      )
      return insertOrg('commit-0')(tx)
    })
    await first
    const outcomes = await Promise.allSettled([first, ...next])
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected'])
    const stored = await database().db.selectFrom('organization').select('slug').where('slug', 'like', 'commit-%').execute()
    expect(stored.map((r) => r.slug)).toEqual(['commit-0'])
  })
})
