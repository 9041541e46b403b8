import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { Config } from '../config.js'

export interface MasterKeySource {
  key: Buffer
  /** Set when a key file was created during this call: the operator must back it up. */
  generatedFile?: string
}

/**
 * Finds the master key: the environment first, then the key file. For the embedded default a
 * missing file is generated (mode 0600) so that `npm start` works on a fresh machine; the caller
 * prints a warning to back it up, since without it no report can be read.
 */
export function loadMasterKey(config: Pick<Config, 'masterKey' | 'masterKeyFile'>): MasterKeySource {
  if (config.masterKey) return { key: config.masterKey }
  const file = config.masterKeyFile
  if (fs.existsSync(file)) {
    const mode = fs.statSync(file).mode & 0o777
    if (mode & 0o077) throw new Error(`${file} is readable by other users (mode ${mode.toString(8)}); run: chmod 600 ${file}`)
    const key = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
    if (key.length !== 32) throw new Error(`${file} does not hold base64 of 32 bytes`)
    return { key }
  }
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
  const key = crypto.randomBytes(32)
  // 'wx' fails instead of overwriting if another process created the file meanwhile.
  fs.writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' })
  return { key, generatedFile: file }
}
