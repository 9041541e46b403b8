/**
 * Issue 12: the public merge is due in its window. 48 hours before a release planned for 10:00 in
 * Vienna the merge may be recorded, a second earlier it may not (with the moment it may); the step
 * waits, opens, is done or is overdue once the release passes; the team is told once it opens.
 */
import { describe, expect, it } from 'vitest'
import { mayRecordMerge, mergeStep, mergeWindowOpened } from '../../../src/domain/partner/public-merge.js'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

const policyOf = (windows: string): Policy => {
  const result = parsePolicy(
    [
      'version: 1',
      'organization: { name: Example, slug: example }',
      'channels: { webForm: { enabled: true } }',
      'calendar: { timeZone: Europe/Vienna }',
      'clocks: {}',
      ...(windows ? [`disclosure: { releaseWindows: { ${windows} } }`] : []),
    ].join('\n'),
    'policy.yaml',
  )
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'))
  return result.policy
}

const hour = 3_600_000
const release = Date.parse('2026-12-15T09:00:00.000Z') // 10:00 in Vienna
const opens = release - 48 * hour

describe('the public merge', () => {
  const policy = policyOf('publicMerge: 48 hours')

  it('is refused 49 hours before the release, with the moment it opens, and allowed at 48 hours', () => {
    expect(mayRecordMerge(policy, release, undefined, release - 49 * hour)).toEqual({
      ok: false,
      error: { code: 'MERGE_TOO_EARLY', from: opens },
    })
    expect(mayRecordMerge(policy, release, undefined, opens - 1)).toMatchObject({ ok: false })
    expect(mayRecordMerge(policy, release, undefined, opens)).toEqual({ ok: true, value: { from: opens } })
    expect(mayRecordMerge(policy, release, opens, opens + hour)).toEqual({ ok: false, error: { code: 'MERGE_ALREADY_RECORDED' } })
    expect(mayRecordMerge(policy, undefined, undefined, opens)).toEqual({ ok: false, error: { code: 'RELEASE_NOT_PLANNED' } })
  })

  it('counts days on the wall clock: 2 days before 10:00 is 10:00', () => {
    const days = policyOf('publicMerge: 2 days')
    expect(mayRecordMerge(days, release, undefined, opens)).toEqual({ ok: true, value: { from: opens } })
  })

  it('waits, opens, is done, or is overdue once the release passes without it', () => {
    expect(mergeStep(policy, release, undefined, opens - 1)?.state).toBe('waiting')
    expect(mergeStep(policy, release, undefined, opens)?.state).toBe('open')
    expect(mergeStep(policy, release, opens, release + hour)).toEqual({ state: 'done', from: opens, due: release, mergedAt: opens })
    expect(mergeStep(policy, release, undefined, release)?.state).toBe('overdue')
    expect(mergeStep(policy, undefined, undefined, release)).toBeUndefined()
    // Without a window the merge may be recorded any time; it is still due by the release.
    expect(mergeStep(policyOf(''), release, undefined, release - 30 * 24 * hour)?.state).toBe('open')
    expect(mayRecordMerge(policyOf(''), release, undefined, release - 30 * 24 * hour)).toEqual({ ok: true, value: {} })
  })

  it('tells the team from the moment the window opens until the release, unless merged; never without a window', () => {
    expect(mergeWindowOpened(policy, release, undefined, opens - 1)).toBeUndefined()
    expect(mergeWindowOpened(policy, release, undefined, opens)).toBe(opens)
    expect(mergeWindowOpened(policy, release, opens, opens + 1)).toBeUndefined()
    expect(mergeWindowOpened(policy, release, undefined, release)).toBeUndefined()
    expect(mergeWindowOpened(policyOf(''), release, undefined, opens)).toBeUndefined()
  })
})
