import type { ReporterKeyProblem } from '../domain/report/submission.js'
import { fail, ok, type Result } from '../domain/result.js'
import { importPublicKey, KeyImportError } from '../openpgp/keys.js'

/**
 * A reporter's own public key, validated like every imported key (one public key, unexpired,
 * unrevoked, able to encrypt); the stored form is the re-serialized public-only armor.
 */
export async function checkReporterKey(armored: string | null, now: Date): Promise<Result<string | null, ReporterKeyProblem>> {
  if (armored === null || armored.trim() === '') return ok(null)
  try {
    return ok((await importPublicKey(armored, now)).armored)
  } catch (error) {
    const problem = error instanceof KeyImportError ? error.problem : 'unreadable'
    const known: readonly string[] = ['unreadable', 'private-key', 'expired', 'revoked', 'invalid', 'no-encryption-key', 'multiple-keys']
    return fail(`key-${known.includes(problem) ? problem : 'unreadable'}` as ReporterKeyProblem)
  }
}
