/** The seed policies shipped in `presets/`, by name (`kumi-systems`, `open-klant`, …). */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** `presets/` at the package root; the same from `src/policy/` (tsx, vitest) and `dist/policy/`. */
export const presetsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../presets')

export const listPresets = (): string[] =>
  fs
    .readdirSync(presetsDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.slice(0, -'.yaml'.length))
    .sort()

/** The preset's source text, or undefined for an unknown name (never a path: names are checked). */
export function readPreset(name: string): { fileName: string; source: string } | undefined {
  if (!/^[a-z0-9-]{1,64}$/.test(name) || !listPresets().includes(name)) return undefined
  const fileName = `${name}.yaml`
  return { fileName, source: fs.readFileSync(path.join(presetsDir, fileName), 'utf8') }
}
