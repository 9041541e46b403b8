/** Loads the shipped presets from disk for tests; the domain code itself only ever sees strings. */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parsePolicy } from '../../../src/domain/policy/parse-policy.js'
import type { Policy } from '../../../src/domain/policy/schema.js'

export const presetNames = ['kumi-systems', 'open-klant', 'healthimis', 'alkemio', 'khulnasoft'] as const
export type PresetName = (typeof presetNames)[number]

export const presetSource = (name: PresetName): string =>
  readFileSync(fileURLToPath(new URL(`../../../presets/${name}.yaml`, import.meta.url)), 'utf8')

/** The parsed preset; fails the test with every problem listed when it does not parse. */
export function loadPreset(name: PresetName): Policy {
  const result = parsePolicy(presetSource(name), `${name}.yaml`)
  if (!result.ok) throw new Error(result.errors.map((e) => e.text).join('\n'))
  return result.policy
}
