#!/usr/bin/env node
// Entry point for `npx embargo` and `npm start` in a checkout: builds dist/ when the sources
// are newer than the last build, then hands over to the compiled CLI.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const entry = path.join(root, 'dist', 'cli', 'index.js')
const stamp = path.join(root, 'dist', '.build-stamp')

function newestSource(dir) {
  let newest = 0
  for (const item of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, item.name)
    newest = Math.max(newest, item.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

const srcDir = path.join(root, 'src')
if (fs.existsSync(srcDir)) {
  const built = fs.existsSync(stamp) ? fs.statSync(stamp).mtimeMs : 0
  if (!fs.existsSync(entry) || newestSource(srcDir) > built) {
    const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc')
    process.stderr.write('embargo: building dist/ from src/ …\n')
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
    fs.writeFileSync(stamp, new Date().toISOString())
  }
}
await import(pathToFileURL(entry).href)
