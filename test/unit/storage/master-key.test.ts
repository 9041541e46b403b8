/** The master key: from the environment first, else a 0600 key file, generated on first start. */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../src/config.js'
import { loadMasterKey } from '../../../src/storage/master-key.js'

let dir: string

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'embargo-key-'))
})

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

describe('loadMasterKey', () => {
  it('generates a 0600 key file when none exists, then reads the same key back', () => {
    const masterKeyFile = path.join(dir, 'data', 'master.key')
    const first = loadMasterKey({ masterKey: undefined, masterKeyFile })

    expect(first.generatedFile).toBe(masterKeyFile)
    expect(first.key).toHaveLength(32)
    expect(fs.statSync(masterKeyFile).mode & 0o777).toBe(0o600)
    expect(Buffer.from(fs.readFileSync(masterKeyFile, 'utf8').trim(), 'base64').equals(first.key)).toBe(true)

    const again = loadMasterKey({ masterKey: undefined, masterKeyFile })
    expect(again.generatedFile).toBeUndefined()
    expect(again.key.equals(first.key)).toBe(true)
  })

  it.each([0o640, 0o604, 0o644, 0o660])('refuses a key file with mode %o', (mode) => {
    const masterKeyFile = path.join(dir, 'master.key')
    fs.writeFileSync(masterKeyFile, `${crypto.randomBytes(32).toString('base64')}\n`)
    fs.chmodSync(masterKeyFile, mode)
    expect(() => loadMasterKey({ masterKey: undefined, masterKeyFile })).toThrow(/readable by other users/)
  })

  it('refuses a key file that does not hold 32 bytes', () => {
    const masterKeyFile = path.join(dir, 'master.key')
    fs.writeFileSync(masterKeyFile, `${crypto.randomBytes(16).toString('base64')}\n`, { mode: 0o600 })
    expect(() => loadMasterKey({ masterKey: undefined, masterKeyFile })).toThrow(/32 bytes/)
  })

  it('uses EMBARGO_MASTER_KEY when set, and writes no file', () => {
    const key = crypto.randomBytes(32)
    const config = loadConfig({ EMBARGO_MASTER_KEY: key.toString('base64'), EMBARGO_DATA_DIR: dir })
    const found = loadMasterKey(config)

    expect(found.key.equals(key)).toBe(true)
    expect(found.generatedFile).toBeUndefined()
    expect(fs.existsSync(config.masterKeyFile)).toBe(false)
  })

  it('prefers EMBARGO_MASTER_KEY over an existing key file', () => {
    const key = crypto.randomBytes(32)
    const masterKeyFile = path.join(dir, 'master.key')
    fs.writeFileSync(masterKeyFile, `${crypto.randomBytes(32).toString('base64')}\n`, { mode: 0o600 })
    const config = loadConfig({ EMBARGO_MASTER_KEY: key.toString('base64'), EMBARGO_MASTER_KEY_FILE: masterKeyFile })
    expect(loadMasterKey(config).key.equals(key)).toBe(true)
  })

  it('rejects an EMBARGO_MASTER_KEY that is not 32 bytes', () => {
    expect(() => loadConfig({ EMBARGO_MASTER_KEY: crypto.randomBytes(31).toString('base64') })).toThrow(ConfigError)
  })
})
