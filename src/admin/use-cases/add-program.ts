import type { Deps } from '../../deps.js'
import { newEvent } from '../../domain/events.js'
import { nameProblem, slugProblem } from '../../domain/organization.js'
import { fail, ok, type Result } from '../../domain/result.js'
import { newId } from '../../storage/ids.js'
import { findOrganizationById, insertProgram, listPrograms } from '../../storage/repositories/organization-repository.js'
import type { ProgramRow } from '../../storage/schema.js'
import { runUnit } from '../../storage/unit-of-work.js'
import { actorOf } from '../new-member.js'

export const programKinds = ['open-source', 'web-app', 'other', 'third-party'] as const satisfies readonly ProgramRow['kind'][]

export interface NewProgram {
  slug: string
  name: string
  kind: string
  inScope: boolean
  description: string
}

export type ProgramErrors = Partial<Record<'slug' | 'name' | 'kind' | 'description', string>>

/** Adds a program (a product or service reports are about) to an organization, audited. */
export async function addProgram(deps: Deps, orgId: string, p: NewProgram, actorId: string | null): Promise<Result<string, ProgramErrors>> {
  const errors: ProgramErrors = {}
  const slug = slugProblem(p.slug)
  if (slug) errors.slug = slug
  else if ((await listPrograms(deps.db, orgId)).some((existing) => existing.slug === p.slug)) errors.slug = 'slug-taken'
  const name = nameProblem(p.name)
  if (name) errors.name = name
  if (!(programKinds as readonly string[]).includes(p.kind)) errors.kind = 'invalid-choice'
  if (p.description.length > 2000) errors.description = 'too-long'
  if (Object.keys(errors).length > 0) return fail(errors)
  const org = await findOrganizationById(deps.db, orgId)
  if (!org) throw new Error('unknown organization')
  const id = newId()
  await runUnit(deps, org, async (u) => {
    await insertProgram(u.tx, {
      id,
      orgId,
      slug: p.slug,
      name: p.name.trim(),
      kind: p.kind as ProgramRow['kind'],
      inScope: p.inScope,
      description: p.description,
      createdAt: u.at,
    })
    u.record(newEvent('program.added', actorOf(actorId), u.at, null, { programId: id, slug: p.slug }))
  })
  return ok(id)
}
