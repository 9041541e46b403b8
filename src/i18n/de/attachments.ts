import type { attachments as english } from '../en/attachments.js'
import type { Translation } from '../translation.js'

/** German strings of the files a reporter attaches (keys and arguments as in ../en/attachments.ts). */
export const attachments: Translation<typeof english> = {
  'report.files.hint':
    'Bis zu {count} Dateien, je {fileSize} und insgesamt {reportSize}: Proof-of-Concept-Skripte, Screenshots, Paketmitschnitte. Bei Bildern werden die Metadaten (Standort, Kamera) vor dem Speichern entfernt.',
  'report.files.again': 'Dateien bleiben nicht erhalten, wenn das Formular erneut angezeigt wird: Bitte hängen Sie sie erneut an.',
  'report.files.refused.file-bytes': '„{file}“ ist größer als {max}, die Grenze für eine Datei.',
  'report.files.refused.report-bytes': 'Mit „{file}“ kommen die Dateien auf mehr als {max}, die Grenze für eine Meldung.',
  'report.files.refused.files': '„{file}“ ist eine Datei zu viel: Eine Meldung nimmt höchstens {max} Dateien auf.',
  'report.files.refused.image-not-cleanable':
    '„{file}“ ist ein Bild, dessen Metadaten (Standort, Kamera) hier nicht entfernt werden können. Speichern Sie es als PNG oder JPEG und hängen Sie es erneut an.',
  'report.files.keptText': 'Es wurde nichts gesendet; Ihr Text ist unten erhalten.',
  'fieldProblem.files-not-accepted':
    'Dieses Programm nimmt hier keine Dateien an: Beschreiben Sie, was sie zeigen, oder senden Sie sie per E-Mail.',
  'report.sent.files': 'Empfangene Dateien',
  'report.sent.file': '{name} ({size, plural, one {# Byte} other {# Bytes}})',
  'portal.files': 'Dateien (optional)',
  'bytes.mib': '{n, number} MiB',
  'bytes.kib': '{n, number} KiB',
  'bytes.b': '{n, plural, one {# Byte} other {# Bytes}}',
}
