import type { Deps } from '../deps.js'
import { nameProblem, slugProblem } from '../domain/organization.js'
import { fail, ok, type Result } from '../domain/result.js'
import { newId } from '../storage/ids.js'
import { appendEvents } from '../storage/repositories/event-repository.js'
import { insertProgram, listPrograms } from '../storage/repositories/organization-repository.js'
import type { ProgramRow } from '../storage/schema.js'

export const programKinds: readonly ProgramRow['kind'][] = ['open-source', 'web-app', 'other', 'third-party']

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
  if (!programKinds.includes(p.kind as ProgramRow['kind'])) errors.kind = 'invalid-choice'
  if (p.description.length > 2000) errors.description = 'too-long'
  if (Object.keys(errors).length > 0) return fail(errors)
  const id = newId()
  const at = deps.now().toISOString()
  await deps.db.transaction().execute(async (tx) => {
    await insertProgram(tx, {
      id,
      orgId,
      slug: p.slug,
      name: p.name.trim(),
      kind: p.kind as ProgramRow['kind'],
      inScope: p.inScope,
      description: p.description,
      createdAt: at,
    })
    await appendEvents(tx, orgId, [
      { reportId: null, actorKind: actorId ? 'user' : 'system', actorId, type: 'program.added', data: { programId: id, slug: p.slug }, at },
    ])
  })
  return ok(id)
}
