/**
 * The programs a reporter may choose, as the organization's policy defines them: in scope only,
 * each with the questions the policy asks about it (its own `fields`, or those of the program it
 * is `handledLike`). Pure; the intake form, the API and the admin page read programs only here.
 */
import type { Policy, Program } from './schema.js'

export type ProgramFieldType = 'text' | 'long-text' | 'version' | 'url'

export interface ProgramField {
  key: string
  label: string
  type: ProgramFieldType
  required: boolean
}

export interface IntakeProgram {
  slug: string
  name: string
  kind: Program['kind']
  description: string | null
  fields: ProgramField[]
}

/** The questions asked about a program: its own fields, else those of the program it is handled like. Attachments come by mail, not here. */
function fieldsOf(programs: readonly Program[], p: Program): ProgramField[] {
  const source = p.fields ?? (p.handledLike ? programs.find((o) => o.slug === p.handledLike)?.fields : undefined) ?? []
  return source
    .filter((f) => f.type !== 'attachments')
    .map((f) => ({ key: f.key, label: f.label, type: (f.type ?? 'text') as ProgramFieldType, required: f.required ?? true }))
}

export type PolicyProgram = IntakeProgram & { inScope: boolean }

/** Every program the policy lists, with its questions (in scope or not: the public page says which). */
export function policyPrograms(policy: Policy | undefined): PolicyProgram[] {
  const programs = policy?.programs ?? []
  return programs.map((p) => ({
    slug: p.slug,
    name: p.name,
    kind: p.kind,
    description: p.description ?? null,
    inScope: p.inScope,
    fields: fieldsOf(programs, p),
  }))
}

/** The programs a report may be about: those the policy has in scope. */
export const intakePrograms = (policy: Policy | undefined): IntakeProgram[] =>
  policyPrograms(policy)
    .filter((p) => p.inScope)
    .map(({ inScope: _, ...p }) => p)
