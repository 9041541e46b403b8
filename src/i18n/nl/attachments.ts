import type { attachments as english } from '../en/attachments.js'
import type { Translation } from '../translation.js'

/** Dutch strings of the files a reporter attaches (keys and arguments as in ../en/attachments.ts). */
export const attachments: Translation<typeof english> = {
  'report.files.hint':
    'Tot {count} bestanden, {fileSize} per bestand en {reportSize} in totaal: proof-of-concept-scripts, screenshots, packet captures. Bij afbeeldingen worden de metadata (locatie, camera) verwijderd voordat ze worden opgeslagen.',
  'report.files.again': 'Bestanden worden niet bewaard als het formulier opnieuw wordt getoond: voeg ze opnieuw toe.',
  'report.files.refused.file-bytes': '“{file}” is groter dan {max}, de limiet voor één bestand.',
  'report.files.refused.report-bytes': 'Met “{file}” komen de bestanden boven {max}, de limiet voor één melding.',
  'report.files.refused.files': '“{file}” is één bestand te veel: een melding kan hoogstens {max} bestanden bevatten.',
  'report.files.refused.image-not-cleanable':
    '“{file}” is een afbeelding waarvan de metadata (locatie, camera) hier niet verwijderd kunnen worden. Sla hem op als PNG of JPEG en voeg hem opnieuw toe.',
  'report.files.keptText': 'Er is niets verstuurd; je tekst staat hieronder nog.',
  'fieldProblem.files-not-accepted': 'Dit programma neemt hier geen bestanden aan: beschrijf wat ze laten zien, of stuur ze per mail.',
  'report.sent.files': 'Ontvangen bestanden',
  'report.sent.file': '{name} ({size, plural, one {# byte} other {# bytes}})',
  'portal.files': 'Bestanden (optioneel)',
  'bytes.mib': '{n, number} MiB',
  'bytes.kib': '{n, number} KiB',
  'bytes.b': '{n, plural, one {# byte} other {# bytes}}',
}
