/**
 * What happens to a file a reporter attaches on the form, the API or the follow-up page, before
 * it is stored (sealed, in the `attachment` table like a mail's attachments):
 *
 * - its name is sanitized as a mail attachment's is (no path, no control or bidi characters);
 * - its type is recognized from the bytes (`file-type`), never taken from the client;
 * - an image is re-encoded with sharp (libvips) so that nothing but its pixels is kept: EXIF
 *   (GPS position, camera and lens serial numbers, owner name), XMP, IPTC, comments and
 *   thumbnails are gone, and the orientation the EXIF asked for is applied to the pixels first, so
 *   the picture still looks the way the reporter saw it. sharp drops all metadata unless asked to
 *   keep it, is maintained (libvips underneath, releases every few months) and ships its native
 *   part as prebuilt npm packages, so nothing is compiled at install. An image it cannot re-encode
 *   (HEIC, camera raw, Photoshop) is refused by name: storing it as sent would keep what this step
 *   promises to remove;
 * - its SHA-256 is taken of the bytes stored, which are the bytes the team downloads.
 */
import { createHash } from 'node:crypto'
import { fileTypeFromBuffer } from 'file-type'
import sharp from 'sharp'
import { sanitizeFilename } from '../domain/text-hygiene.js'
import type { Translator } from '../i18n/messages.js'
import type { UploadedFile } from './multipart-form.js'

export interface ReceivedFile {
  safeName: string
  declaredType: string
  /** Recognized from the bytes; null when nothing was recognized (text, scripts, unknown formats). */
  sniffedType: string | null
  content: Buffer
  sha256: string
}

/** A file that cannot be stored as it is: an image whose metadata could not be removed. */
export interface FileRefusal {
  file: string
  problem: 'image-not-cleanable'
}

type OutputFormat = 'jpeg' | 'png' | 'webp' | 'gif' | 'tiff' | 'avif'

/** Image types re-encoded without metadata, and the format each is written back in. */
const reencoded: Record<string, OutputFormat> = {
  'image/jpeg': 'jpeg',
  'image/png': 'png',
  'image/apng': 'png',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/tiff': 'tiff',
  'image/avif': 'avif',
}

/** Image types that carry no metadata worth removing (or none at all): stored as sent. */
const plainImages = new Set(['image/bmp', 'image/x-icon', 'image/vnd.microsoft.icon'])

async function sniff(content: Buffer): Promise<string | null> {
  try {
    return (await fileTypeFromBuffer(content))?.mime ?? null
  } catch {
    return null
  }
}

/** The image's pixels, oriented as its EXIF said, without any metadata; null when sharp cannot read or write it. */
export async function withoutMetadata(content: Buffer, format: OutputFormat): Promise<Buffer | null> {
  try {
    const animated = format === 'gif' || format === 'webp'
    const image = sharp(content, { animated, failOn: 'error' })
    const { pages = 1 } = await image.metadata()
    // Applies the EXIF orientation to the pixels (a single frame only: animations carry none).
    const oriented = pages > 1 ? image : image.rotate()
    switch (format) {
      case 'jpeg':
        return await oriented.jpeg({ quality: 95, chromaSubsampling: '4:4:4' }).toBuffer()
      case 'png':
        return await oriented.png().toBuffer()
      case 'webp':
        return await oriented.webp({ quality: 95 }).toBuffer()
      case 'gif':
        return await oriented.gif().toBuffer()
      case 'tiff':
        return await oriented.tiff().toBuffer()
      case 'avif':
        return await oriented.avif({ quality: 80 }).toBuffer()
    }
  } catch {
    return null
  }
}

/** Each uploaded file made ready to store, or the first file that cannot be stored. */
export async function prepareFiles(
  files: readonly UploadedFile[],
): Promise<{ ok: true; files: ReceivedFile[] } | { ok: false; refusal: FileRefusal }> {
  const out: ReceivedFile[] = []
  for (const f of files) {
    const safeName = sanitizeFilename(f.name)
    let content = f.content
    let sniffedType = await sniff(content)
    if (sniffedType?.startsWith('image/') && !plainImages.has(sniffedType)) {
      const format = reencoded[sniffedType]
      const cleaned = format ? await withoutMetadata(content, format) : null
      if (!cleaned) return { ok: false, refusal: { file: safeName, problem: 'image-not-cleanable' } }
      content = cleaned
      sniffedType = await sniff(content)
    }
    const declaredType = f.declaredType.replace(/[^a-z0-9!#$&^_.+/-]/gi, '').slice(0, 100) || 'application/octet-stream'
    out.push({ safeName, declaredType, sniffedType, content, sha256: createHash('sha256').update(content).digest('hex') })
  }
  return { ok: true, files: out }
}

/** A size for people: KiB or MiB (one decimal) when it is one, bytes otherwise (the limits said next to a file input). */
export function sizeText(t: Translator, bytes: number): string {
  const mib = 1024 * 1024
  if (bytes >= mib) return t('bytes.mib', { n: Math.round((bytes / mib) * 10) / 10 })
  if (bytes >= 1024) return t('bytes.kib', { n: Math.round((bytes / 1024) * 10) / 10 })
  return t('bytes.b', { n: bytes })
}
