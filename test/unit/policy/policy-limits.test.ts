/**
 * Finding 4 (security review, issue 8): policy values could stop the server. Every value a policy
 * holds is bounded, and nothing that reads a policy does work that grows faster than the text.
 * These tests assert on results and structure, never on time: each input here took seconds to
 * minutes before the fix; the vitest timeout is only a safety net so a regression fails instead of hanging.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import type { TSchema } from '@sinclair/typebox'
import { describe, expect, it } from 'vitest'
import { closestWord, maxSuggestionInput } from '../../../src/domain/policy/durations.js'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import { inline } from '../../../src/domain/policy/policy-wording.js'
import { Policy } from '../../../src/domain/policy/schema.js'

const SAFETY_NET = 30_000

const minimal = [
  'version: 1',
  'organization:',
  '  name: Example',
  '  slug: example',
  'channels:',
  '  email:',
  '    - address: security@example.org',
  'calendar:',
  '  timeZone: Europe/Vienna',
  '  holidays: { country: AT }',
  'clocks:',
  '  acknowledge: 3 business days',
].join('\n')

const problemsOf = (source: string): string[] => {
  const result = parsePolicy(source, 'policy.yaml')
  return result.ok ? [] : result.errors.map((e) => e.text)
}
const withAcknowledge = (words: string) => minimal.replace('acknowledge: 3 business days', `acknowledge: ${words}`)

/** Every schema node under the policy, with its path. */
function* walk(schema: TSchema, at: string): Generator<{ at: string; schema: TSchema }> {
  yield { at, schema }
  const s = schema as TSchema & { properties?: Record<string, TSchema>; items?: TSchema; anyOf?: TSchema[] }
  for (const [key, child] of Object.entries(s.properties ?? {})) yield* walk(child, `${at}.${key}`)
  if (s.items) yield* walk(s.items, `${at}[]`)
  for (const [i, option] of (s.anyOf ?? []).entries()) yield* walk(option, `${at}|${i}`)
}

describe('finding 4: policy values are bounded', () => {
  it('finding 4: every string in the policy schema has a maxLength and every list a maxItems', () => {
    const unbounded: string[] = []
    let strings = 0
    let lists = 0
    for (const { at, schema } of walk(Policy, 'policy')) {
      // A fixed word (`oneOf`) or number (`version: 1`) is as long as it is.
      if ('const' in schema) continue
      if (schema.type === 'string') {
        strings++
        if (typeof schema.maxLength !== 'number') unbounded.push(`${at}: string without maxLength`)
      }
      if (schema.type === 'array') {
        lists++
        if (typeof schema.maxItems !== 'number') unbounded.push(`${at}: list without maxItems`)
      }
      if ((schema.type === 'integer' || schema.type === 'number') && schema.maximum === undefined && schema.exclusiveMaximum === undefined)
        unbounded.push(`${at}: number without maximum`)
    }
    expect(strings).toBeGreaterThan(50)
    expect(lists).toBeGreaterThan(20)
    expect(unbounded).toEqual([])
  })

  it('finding 4: "300000 business days" is refused with the limit, and every unit has one', () => {
    expect(problemsOf(withAcknowledge('300000 business days'))).toEqual([
      'policy.yaml:12 clocks.acknowledge: "300000 business days" is longer than a policy may promise (at most 2600 business days)',
    ])
    expect(problemsOf(withAcknowledge('2600 business days'))).toEqual([])
    expect(problemsOf(withAcknowledge('3650 days'))).toEqual([])
    expect(problemsOf(withAcknowledge('520 weeks'))).toEqual([])
    expect(problemsOf(withAcknowledge('87600 hours'))).toEqual([])
    expect(problemsOf(withAcknowledge('3651 calendar days'))[0]).toContain('at most 3650 days or 521 weeks')
    expect(problemsOf(withAcknowledge('600 weeks'))[0]).toContain('is longer than a policy may promise')
    expect(problemsOf(withAcknowledge('87601 hours'))[0]).toContain('at most 87600 hours')
    expect(problemsOf(withAcknowledge('99999999999999999999999 days'))[0]).toContain('is longer than a policy may promise')
    // Escalation waits are durations too.
    const chain = `${minimal}\nescalation:\n  chain:\n    - notify: team\n      after: 9000 business days`
    expect(problemsOf(chain)).toEqual([
      'policy.yaml:16 escalation.chain[0].after: "9000 business days" is longer than a policy may promise (at most 2600 business days)',
    ])
  })

  it('finding 4: over-long texts and lists are refused with the limit, quoting only the start of the value', () => {
    const name = minimal.replace('name: Example', `name: ${'x'.repeat(5000)}`)
    expect(problemsOf(name)).toEqual(['policy.yaml:3 organization.name: is too long: 5000 characters, at most 200 are allowed here'])
    const closures = minimal.replace(
      '  holidays: { country: AT }',
      `  holidays: { country: AT }\n  closures:\n${'    - 2026-12-24\n'.repeat(5001)}`,
    )
    expect(problemsOf(closures)).toEqual(['policy.yaml:11 calendar.closures: has too many entries: 5001, at most 5000 are allowed here'])
    const problems = problemsOf(minimal.replace('address: security@example.org', `address: ${'y'.repeat(70_000)}`))
    expect(problems).toHaveLength(1)
    expect(problems[0]?.length).toBeLessThan(200)
  })
})

describe('finding 4: reading and rendering a policy is linear in its text', () => {
  it(
    'finding 4: a text of a million spaces without a line break is made one line in one pass',
    () => {
      const spaces = ' '.repeat(1_000_000)
      expect(inline(`a${spaces}b`)).toBe(`a${spaces}b`)
      expect(inline(`a${spaces}\n${spaces}b`)).toBe('a b')
      expect(inline(`  one\r\n\n  two \t three  `)).toBe('one two \t three')
    },
    SAFETY_NET,
  )

  it(
    'finding 4: "did you mean" skips long words and looks at a bounded candidate list',
    () => {
      const long = 'k'.repeat(70_000)
      const zones = Array.from({ length: 100_000 }, (_, i) => `Zone/${long.slice(0, 40)}${i}`)
      expect(closestWord(long, zones)).toBeUndefined()
      expect(closestWord('k'.repeat(maxSuggestionInput + 1), ['k'.repeat(maxSuggestionInput)])).toBeUndefined()
      expect(closestWord('Europe/Viena', Intl.supportedValuesOf('timeZone'))).toBe('Europe/Vienna')
      // A 70 KB time zone, unknown key and duration are each one ordinary problem.
      expect(problemsOf(minimal.replace('timeZone: Europe/Vienna', `timeZone: ${long}`))).toEqual([
        'policy.yaml:9 calendar.timeZone: is too long: 70000 characters, at most 64 are allowed here',
      ])
      const unknown = problemsOf(`${minimal}\n? ${long}\n: 1`)
      expect(unknown).toHaveLength(1)
      expect(unknown[0]).toMatch(/^policy\.yaml:13 k{80}…: unknown field "k{80}…" \(known fields: version, /)
      expect(problemsOf(withAcknowledge(`3 ${long}`))[0]).toContain('is too long: 70002 characters, at most 60')
    },
    SAFETY_NET,
  )

  it('finding 4: a file with thousands of problems reports the first fifty', () => {
    const typos = Array.from({ length: 5000 }, (_, i) => `tpyo${i}: 1`).join('\n')
    const problems = problemsOf(`${minimal}\n${typos}`)
    expect(problems).toHaveLength(51)
    expect(problems.at(-1)).toContain('more problems than shown here (the first 50); fix these first')
  })
})

const aliasBomb = [
  'version: 1',
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
].join('\n')
const aliasBombProblem =
  'policy.yaml:3 too many aliases (*name): expanding them would repeat sections more than 100 times; write the sections out instead'

describe('finding 4: a YAML alias bomb', () => {
  it('finding 4: an alias bomb is a policy problem with a line number, not an exception', () => {
    expect(problemsOf(aliasBomb)).toEqual([aliasBombProblem])
    // A few aliases are still fine (the schema then judges the values).
    expect(problemsOf(`${minimal}\nx: &x 1\ny: *x`)[0]).toContain('unknown field "x"')
  })

  it('finding 4: `embargo policy check` reports an alias bomb with its line and exits 1', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-policy-'))
    const file = path.join(dir, 'policy.yaml')
    fs.writeFileSync(file, aliasBomb)
    try {
      const run = promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'policy', 'check', file], {
        env: { ...process.env, EMBARGO_LOG_LEVEL: 'silent' },
      })
      const failed = (await run.then(
        () => undefined,
        (e: unknown) => e,
      )) as { code?: number; stderr?: string } | undefined
      expect(failed?.code).toBe(1)
      expect(failed?.stderr?.trim()).toBe(aliasBombProblem)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
