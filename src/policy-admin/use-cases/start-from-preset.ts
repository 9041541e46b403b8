/**
 * An organization's policy started from a preset: the preset is another organization's policy,
 * so its name, slug, contacts, addresses, trackers, URLs and keys are replaced by the
 * organization's own (src/domain/policy/preset-template.ts) before it is saved as a version.
 */
import type { Deps } from '../../deps.js'
import { presetAsTemplate } from '../../domain/policy/preset-template.js'
import { fail, type Result } from '../../domain/result.js'
import type { OrganizationRow } from '../../storage/schema.js'
import { organizationIdentity } from '../organization-identity.js'
import { readPreset } from '../presets.js'
import { type ImportPolicyError, importPolicy } from './import-policy.js'

export type StartFromPresetError = ImportPolicyError | { code: 'PRESET_UNKNOWN' }

export async function startFromPreset(
  deps: Deps,
  org: Pick<OrganizationRow, 'id' | 'slug' | 'name' | 'data_key_wrapped'>,
  presetName: string,
  actorId: string | null,
): Promise<Result<{ id: string; version: number }, StartFromPresetError>> {
  const preset = readPreset(presetName)
  if (!preset) return fail({ code: 'PRESET_UNKNOWN' })
  const source = presetAsTemplate(preset.source, await organizationIdentity(deps, org))
  return importPolicy(deps, org, source, preset.fileName, actorId)
}
