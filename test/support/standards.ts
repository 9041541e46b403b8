import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The official schemas and test vectors live in `../shared/standards` beside the repository and
 * are never copied into it. In a user's clone they are absent: tests that need them skip, saying why.
 */
export const standardsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/standards')

export function standard(...parts: string[]): { dir: string; present: boolean; reason: string } {
  const dir = path.join(standardsDir, ...parts)
  const present = fs.existsSync(dir)
  return {
    dir,
    present,
    reason: present ? '' : `SKIPPED: ${dir} is absent (../shared/standards sits beside the repository only on the team's machines)`,
  }
}
