import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { checkNewPassword, commonPasswordListFile, commonPasswords } from '../../../src/auth/passwords.js'

describe('the bundled list of common and breached passwords', () => {
  it('is the million-entry list shipped with the product, and every entry long enough to be chosen is refused', () => {
    const file = createRequire(import.meta.url).resolve(commonPasswordListFile)
    const entries = readFileSync(file, 'utf8').split('\n').filter(Boolean)
    expect(entries.length).toBeGreaterThanOrEqual(100_000)
    const choosable = entries.filter((e) => [...e].length >= 12)
    expect(commonPasswords().size).toBeGreaterThanOrEqual(choosable.length * 0.9)
    for (const entry of [choosable[0], choosable[Math.floor(choosable.length / 2)], choosable.at(-1)]) {
      expect(checkNewPassword(String(entry))).toBe('common')
      expect(checkNewPassword(String(entry).toUpperCase())).toBe('common')
    }
    expect(checkNewPassword('1qaz2wsx3edc')).toBe('common')
    expect(checkNewPassword('violet kettle under the stairs')).toBeNull()
  })
})
