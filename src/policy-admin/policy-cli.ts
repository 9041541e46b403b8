/** The shell side of policy files: `embargo policy check`, `org import-policy`, `org create --preset`. */
import fs from 'node:fs'
import path from 'node:path'
import type { Deps } from '../deps.js'
import { formatProblems, parsePolicy } from '../domain/policy/parse-policy.js'
import type { OrganizationRow } from '../storage/schema.js'
import { readPreset } from './presets.js'
import { importPolicy } from './use-cases/import-policy.js'
import { startFromPreset } from './use-cases/start-from-preset.js'

function stop(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

/** A file path, or a preset's name when no such file exists. */
export function readPolicySource(file: string, presetOnly = false): { fileName: string; source: string } {
  if (!presetOnly && fs.existsSync(file)) return { fileName: path.basename(file), source: fs.readFileSync(file, 'utf8') }
  const preset = readPreset(file)
  if (!preset) stop(`embargo: ${presetOnly ? 'no preset' : 'no file or preset'} named ${file}`)
  return preset
}

/** Prints every problem with file and line and exits 1, or says the file is fine. */
export function checkPolicyFile(file: string, options: { presetOnly?: boolean; quiet?: boolean } = {}): void {
  const { fileName, source } = readPolicySource(file, options.presetOnly)
  const parsed = parsePolicy(source, fileName)
  if (!parsed.ok) stop(formatProblems(parsed.errors))
  if (!options.quiet) process.stdout.write(`${fileName}: the policy is valid.\n`)
}

/** `org create --preset`: the preset as a template, with the organization's own identity in it. */
export async function startPolicyFromPreset(deps: Deps, org: OrganizationRow, name: string): Promise<void> {
  const result = await startFromPreset(deps, org, name, null)
  if (!result.ok) {
    if (result.error.code === 'POLICY_INVALID') stop(formatProblems(result.error.problems))
    if (result.error.code === 'PRESET_UNKNOWN') stop(`embargo: no preset named ${name}`)
    return
  }
  process.stdout.write(
    `${org.slug} now runs policy version ${result.value.version}, started from the ${name} preset with its own name and addresses; see the policy page for what still needs your attention.\n`,
  )
}

export async function importPolicyFile(deps: Deps, org: OrganizationRow, file: string): Promise<void> {
  const { fileName, source } = readPolicySource(file)
  const result = await importPolicy(deps, org, source, fileName, null)
  if (!result.ok) {
    if (result.error.code === 'POLICY_INVALID') stop(formatProblems(result.error.problems))
    process.stdout.write(`${org.slug} already runs this policy (version ${result.error.version}).\n`)
    return
  }
  process.stdout.write(`${org.slug} now runs policy version ${result.value.version} (${fileName}).\n`)
}
