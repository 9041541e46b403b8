/**
 * The check that process steps do not come before each other in a loop
 * (src/domain/policy/semantic-checks.ts, findCycle) on a long process: each step is walked once,
 * so a policy with many interlinked steps is read at once instead of hanging the policy page.
 */
import { describe, expect, it } from 'vitest'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { findCycle } from '../../../src/domain/policy/semantic-checks.js'

const minimal = [
  'version: 1',
  'organization: { name: Example, slug: example }',
  'channels: {}',
  'calendar: { timeZone: UTC }',
  'clocks: {}',
]

/** Steps s0 … s(n-1), each before the next two: a chain with as many routes through it as Fibonacci numbers. */
const braided = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `s${i}`, next: [`s${i + 1}`, `s${i + 2}`].filter((_, k) => i + 1 + k < n) }))

describe('steps that must come before each other, in a long process', () => {
  it('sixty steps each before the next two have no loop, and the policy is read at once (walking every route through them would never end)', () => {
    const steps = braided(60).flatMap((s) => [`  - id: ${s.id}`, `    title: Step ${s.id}`, `    before: [${s.next.join(', ')}]`])
    const result = parsePolicy([...minimal, 'process:', ...steps].join('\n'), 'policy.yaml')
    expect(result.ok).toBe(true)
  })

  it('a loop closed at the end of such a process is still found, from where it starts', () => {
    const nodes = braided(60)
    const last = nodes.at(-1)
    if (last) last.next = ['s57']
    expect(findCycle(nodes)).toEqual(['s57', 's58', 's59', 's57'])
  })
})
