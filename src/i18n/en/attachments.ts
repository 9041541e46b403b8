/** Strings of the files a reporter attaches on the report form, the API and the follow-up page (src/intake). */
export const attachments = {
  'report.files.hint':
    'Up to {count} files, {fileSize} each and {reportSize} in all: proof-of-concept scripts, screenshots, packet captures. Pictures lose their metadata (location, camera) before they are stored.',
  'report.files.again': 'Files are not kept when the form is shown again: please attach them again.',
  'report.files.refused.file-bytes': '“{file}” is larger than {max}, the limit for one file.',
  'report.files.refused.report-bytes': 'With “{file}” the files come to more than {max}, the limit for one report.',
  'report.files.refused.files': '“{file}” is one file too many: one report takes at most {max} files.',
  'report.files.refused.image-not-cleanable':
    '“{file}” is a picture whose metadata (location, camera) cannot be removed here. Save it as PNG or JPEG and attach it again.',
  'report.files.keptText': 'Nothing was sent; your text is kept below.',
  'fieldProblem.files-not-accepted': 'This program takes no files here: describe what they show, or send them by mail.',
  'report.sent.files': 'Files received',
  'report.sent.file': '{name} ({size, plural, one {# byte} other {# bytes}})',
  'portal.files': 'Files (optional)',
  'bytes.mib': '{n, number} MiB',
  'bytes.kib': '{n, number} KiB',
  'bytes.b': '{n, plural, one {# byte} other {# bytes}}',
} as const
