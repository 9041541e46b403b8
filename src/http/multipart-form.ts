import multipart, { type MultipartFile } from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.js'
import { sanitizeFilename } from '../domain/text-hygiene.js'
import { checkCsrf, isMultipartRequest } from './plugins/csrf.js'
import { bodyLimit } from './server.js'

/** One file as the reporter's browser (or API client) sent it: nothing about it is trusted yet. */
export interface UploadedFile {
  /** The name the client gave; sanitized before it is stored or shown. */
  name: string
  /** The type the client declared; kept for the record only. */
  declaredType: string
  content: Buffer
}

/** Which limit a file broke (`max` in bytes, or a count for `files`): the form names both. */
export interface UploadRefusal {
  file: string
  limit: 'file-bytes' | 'report-bytes' | 'files'
  max: number
}

/** The files of one multipart request, kept until the first refusal (later files are read and dropped). */
export interface Uploads {
  files: UploadedFile[]
  refusal: UploadRefusal | null
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The files of a multipart request in a context that called multipartForms; null otherwise. */
    uploads: Uploads | null
    /** True once the whole multipart body was read; an error before that is the client's body, not ours. */
    multipartRead: boolean
  }
}

/** Files beyond the configured count that are still read (and dropped) so the refusal can name them; past this the request is refused whole. */
const extraFiles = 20
/** Text fields of one form: the report form has about fifteen, plus a program's own questions. */
const maxFields = 200

/**
 * Lets the routes of one context (a feature's plugin) take `multipart/form-data`: forms with a
 * file input, and the API's report with file parts. Streamed with @fastify/multipart: a file is
 * read chunk by chunk and kept only while it stays within the per-file and per-request limits of
 * `config.attachmentLimits`; the first file over a limit is recorded (`request.uploads.refusal`)
 * and every byte after it is read and dropped, so the route can answer with the typed text kept
 * and name the file and the limit. Text fields become `request.body` as with a urlencoded form,
 * and the form's CSRF token is checked once they are read (plugins/csrf.ts leaves multipart
 * bodies to this hook).
 */
export async function multipartForms(app: FastifyInstance, config: Pick<Config, 'attachmentLimits'>): Promise<void> {
  const limits = config.attachmentLimits
  app.decorateRequest('uploads', null)
  app.decorateRequest('multipartRead', false)
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    throwFileSizeLimit: false,
    limits: {
      // One byte more than allowed: a file that reaches it is over the limit (busboy stops there).
      fileSize: limits.fileBytes + 1,
      files: limits.files + extraFiles,
      fields: maxFields,
      fieldSize: bodyLimit,
      parts: maxFields + limits.files + extraFiles,
      headerPairs: 100,
    },
    async onFile(this: FastifyRequest, part: MultipartFile) {
      this.uploads ??= { files: [], refusal: null }
      const uploads = this.uploads
      const chunks: Buffer[] = []
      let size = 0
      for await (const chunk of part.file) {
        if (uploads.refusal) continue
        size += chunk.length
        chunks.push(chunk)
      }
      // A file input left empty still sends a part with no name and no bytes.
      if (uploads.refusal || (part.filename === '' && size === 0)) return
      const taken = uploads.files.reduce((sum, f) => sum + f.content.length, 0)
      // The refusal names the file as it would be stored: no path, no control or bidi characters.
      const file = sanitizeFilename(part.filename)
      if (uploads.files.length >= limits.files) uploads.refusal = { file, limit: 'files', max: limits.files }
      else if (part.file.truncated || size > limits.fileBytes) uploads.refusal = { file, limit: 'file-bytes', max: limits.fileBytes }
      else if (taken + size > limits.reportBytes) uploads.refusal = { file, limit: 'report-bytes', max: limits.reportBytes }
      else uploads.files.push({ name: part.filename, declaredType: part.mimetype, content: Buffer.concat(chunks) })
      if (uploads.refusal) uploads.files = []
    },
  })
  app.addHook('preValidation', (request, reply, done) => {
    if (!isMultipartRequest(request)) return done()
    request.multipartRead = true
    request.uploads ??= { files: [], refusal: null }
    checkCsrf(app, request, reply, done)
  })
  // A body cut short or malformed (busboy's "Unexpected end of form", a broken boundary) fails while
  // it is read, before any route runs: that is a bad request, answered 400 by the usual error page
  // or problem, never a 500. Errors after the body was read keep their status.
  app.setErrorHandler((error: Error & { statusCode?: number }, request) => {
    if (isMultipartRequest(request) && !request.multipartRead && (error.statusCode === undefined || error.statusCode >= 500))
      error.statusCode = 400
    throw error
  })
}
