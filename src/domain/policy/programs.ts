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

/**
 * A program's `type: attachments` field: the form shows a file input (its label, required or not)
 * and the form and the API take files for this program. A program without one takes no files
 * (its reporter can still attach them to a mail). One per program: the first such field counts.
 */
export interface AttachmentsField {
  key: string
  label: string
  required: boolean
}

export interface IntakeProgram {
  slug: string
  name: string
  kind: Program['kind']
  description: string | null
  fields: ProgramField[]
  /** The program's attachments field, or null when the program takes no files on the form or the API. */
  attachments: AttachmentsField | null
}

/** The questions of a program as the policy lists them: its own fields, else those of the program it is handled like. */
const sourceFields = (programs: readonly Program[], p: Program) =>
  p.fields ?? (p.handledLike ? programs.find((o) => o.slug === p.handledLike)?.fields : undefined) ?? []

/** The text questions asked about a program (the attachments field is a file input: see attachmentsOf). */
function fieldsOf(programs: readonly Program[], p: Program): ProgramField[] {
  return sourceFields(programs, p)
    .filter((f) => f.type !== 'attachments')
    .map((f) => ({ key: f.key, label: f.label, type: (f.type ?? 'text') as ProgramFieldType, required: f.required ?? true }))
}

function attachmentsOf(programs: readonly Program[], p: Program): AttachmentsField | null {
  const f = sourceFields(programs, p).find((x) => x.type === 'attachments')
  return f ? { key: f.key, label: f.label, required: f.required ?? true } : null
}

/** Why the files sent with a report about `program` cannot be taken, or null when they can. */
export type AttachmentsProblem = 'required' | 'files-not-accepted'
export function attachmentsProblem(program: IntakeProgram | undefined, fileCount: number): AttachmentsProblem | null {
  const field = program?.attachments ?? null
  if (field === null) return fileCount > 0 ? 'files-not-accepted' : null
  return field.required && fileCount === 0 ? 'required' : null
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
    attachments: attachmentsOf(programs, p),
  }))
}

/** The programs a report may be about: those the policy has in scope. */
export const intakePrograms = (policy: Policy | undefined): IntakeProgram[] =>
  policyPrograms(policy)
    .filter((p) => p.inScope)
    .map(({ inScope: _, ...p }) => p)
