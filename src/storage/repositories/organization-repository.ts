import type { Executor } from '../db.js'
import type { OrganizationRow, ProgramRow } from '../schema.js'

export interface NewOrganization {
  id: string
  slug: string
  name: string
  refPrefix: string
  dataKeyWrapped: string
  createdAt: string
}

export async function insertOrganization(db: Executor, org: NewOrganization): Promise<void> {
  await db
    .insertInto('organization')
    .values({
      id: org.id,
      slug: org.slug,
      name: org.name,
      ref_prefix: org.refPrefix,
      data_key_wrapped: org.dataKeyWrapped,
      created_at: org.createdAt,
    })
    .execute()
}

export const findOrganizationBySlug = (db: Executor, slug: string): Promise<OrganizationRow | undefined> =>
  db.selectFrom('organization').selectAll().where('slug', '=', slug).executeTakeFirst()

export const findOrganizationById = (db: Executor, id: string): Promise<OrganizationRow | undefined> =>
  db.selectFrom('organization').selectAll().where('id', '=', id).executeTakeFirst()

export const listOrganizations = (db: Executor): Promise<Pick<OrganizationRow, 'id' | 'slug' | 'name'>[]> =>
  db.selectFrom('organization').select(['id', 'slug', 'name']).orderBy('name').execute()

export const countOrganizations = async (db: Executor): Promise<number> => {
  const row = await db
    .selectFrom('organization')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export interface NewProgram {
  id: string
  orgId: string
  slug: string
  name: string
  kind: ProgramRow['kind']
  inScope: boolean
  description: string
  createdAt: string
}

export async function insertProgram(db: Executor, p: NewProgram): Promise<void> {
  await db
    .insertInto('program')
    .values({
      id: p.id,
      org_id: p.orgId,
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      in_scope: p.inScope ? 1 : 0,
      description: p.description,
      created_at: p.createdAt,
    })
    .execute()
}

/**
 * The program row for a program of the policy, written (or brought up to date with the policy's
 * name, kind and scope) in the caller's unit of work; returns its id for the report to point at.
 */
export async function programRowFor(
  tx: Executor,
  orgId: string,
  p: { id: string; slug: string; name: string; kind: ProgramRow['kind']; description: string; at: string },
): Promise<string> {
  const row = await tx
    .insertInto('program')
    .values({
      id: p.id,
      org_id: orgId,
      slug: p.slug,
      name: p.name,
      kind: p.kind,
      in_scope: 1,
      description: p.description,
      created_at: p.at,
      origin: 'policy',
    })
    .onConflict((oc) => oc.columns(['org_id', 'slug']).doUpdateSet({ name: p.name, kind: p.kind, in_scope: 1, description: p.description }))
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export const listPrograms = (db: Executor, orgId: string): Promise<ProgramRow[]> =>
  db.selectFrom('program').selectAll().where('org_id', '=', orgId).orderBy('name').execute()

export const findProgram = (db: Executor, orgId: string, id: string): Promise<ProgramRow | undefined> =>
  db.selectFrom('program').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst()
