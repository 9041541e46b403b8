import type { replyTemplates as english } from '../en/reply-templates.js'
import type { Translation } from '../translation.js'

/** German strings of reply templates (keys and arguments as in ../en/reply-templates.ts). */
export const replyTemplates: Translation<typeof english> = {
  'nav.replyTemplates': 'Antwortvorlagen',
  'replyTemplates.title': 'Antwortvorlagen',
  'replyTemplates.lead':
    "Antworten, die das Team häufig sendet, bereit zum Einfügen in das Antwortformular einer Meldung. Platzhalter wie '{{reference}}' oder '{{resolution date}}' werden beim Einfügen mit Angaben aus der Meldung gefüllt; das Mitglied liest und bearbeitet die Antwort vor dem Senden.",
  'replyTemplates.own': 'Eigene Vorlagen',
  'replyTemplates.none': 'Noch keine eigenen Vorlagen. Kopieren Sie unten eine integrierte Vorlage oder schreiben Sie eine neue.',
  'replyTemplates.builtin': 'Integrierte Vorlagen',
  'replyTemplates.builtin.hint':
    'Aus Ihrer Richtlinie erstellt und immer auf deren Stand: Die ausführliche Antwort hat eine Überschrift für alles, was sie laut Richtlinie enthält. Kopieren Sie eine Vorlage, um ihren Wortlaut zu ändern.',
  'replyTemplates.new': 'Neue Vorlage',
  'replyTemplates.editTitle': 'Vorlage bearbeiten',
  'replyTemplates.edit': '{name} bearbeiten',
  'replyTemplates.duplicate': 'Duplizieren',
  'replyTemplates.copy': '{name} in die eigenen Vorlagen kopieren',
  'replyTemplates.copyName': '{name} (Kopie)',
  'replyTemplates.delete': '{name} löschen',
  'replyTemplates.preview': 'Vorschau',
  'replyTemplates.marksDetailed': 'Beim Einfügen wird die Antwort als ausführliche Antwort markiert.',
  'replyTemplates.name': 'Name',
  'replyTemplates.body': 'Text (Markdown)',
  'replyTemplates.body.hint':
    "Platzhalter stehen in doppelten geschweiften Klammern, z. B. '{{reporter}}'. Die Liste der Platzhalter finden Sie unten.",
  'replyTemplates.detailed': 'Diese Vorlage ist die ausführliche Antwort',
  'replyTemplates.detailed.hint':
    'Beim Einfügen werden im Antwortformular „Dies ist die ausführliche Antwort“ und die Inhalte, die sie laut Richtlinie enthalten soll, angehakt und das Lösungsdatum eingetragen; das Mitglied kann die Haken wieder entfernen.',
  'replyTemplates.save': 'Vorlage speichern',
  'replyTemplates.backToList': 'Zurück zu den Antwortvorlagen',
  'replyTemplates.error': 'Die Vorlage wurde nicht gespeichert.',
  'replyTemplates.error.nameRequired': 'Geben Sie ihr einen Namen: eine Zeile mit höchstens {max} Zeichen.',
  'replyTemplates.error.nameTooLong': 'Der Name ist zu lang: höchstens {max} Zeichen.',
  'replyTemplates.error.bodyRequired': 'Schreiben Sie den Text der Vorlage.',
  'replyTemplates.error.bodyTooLong': 'Der Text ist zu lang: höchstens {max} Zeichen.',
  'replyTemplates.error.unknownPlaceholder': 'Unbekannter Platzhalter: {unknown}. Die Platzhalter sind {known}.',
  'replyTemplates.done.created': 'Vorlage „{name}“ gespeichert.',
  'replyTemplates.done.changed': 'Vorlage „{name}“ geändert.',
  'replyTemplates.done.deleted': 'Vorlage „{name}“ gelöscht.',
  'replyTemplates.placeholders': 'Platzhalter',
  'replyTemplates.placeholders.hint':
    'Beim Einfügen mit Angaben aus der Meldung gefüllt. Datumsangaben sind Kalendertage in der Zeitzone der Richtlinie. Ein Platzhalter, für den die Meldung keinen Wert hat, bleibt so stehen, wie er geschrieben ist, und die Seite der Meldung weist darauf hin.',
  'replyTemplates.placeholder.reference': 'Die Referenz der Meldung, z. B. ACME-2026-0001.',
  'replyTemplates.placeholder.reporter': 'Der Name oder das Pseudonym, das die meldende Person angegeben hat, sonst „reporter“.',
  'replyTemplates.placeholder.program': 'Das Programm, an das die Meldung gesendet wurde, sonst die Organisation.',
  'replyTemplates.placeholder.organization': 'Der Name der Organisation.',
  'replyTemplates.placeholder.acknowledgment due': 'Der Tag, an dem die Eingangsbestätigung fällig ist.',
  'replyTemplates.placeholder.detailed response due': 'Der Tag, an dem die ausführliche Antwort fällig ist.',
  'replyTemplates.placeholder.resolution date':
    'Der Tag, an dem die Frist für die Behebung fällig ist (ohne diese Frist: das Veröffentlichungsdatum).',
  'replyTemplates.placeholder.disclosure date': 'Der Tag, an dem das Embargo endet: Danach darf die meldende Person veröffentlichen.',
  'replyTemplates.choose': 'Vorlage',
  'replyTemplates.insert': 'Einfügen',
  'replyTemplates.manage': 'Vorlagen verwalten',
  'replyTemplates.missing': 'Diese Vorlage gibt es nicht (mehr). Wählen Sie eine andere.',
  'replyTemplates.inserted': 'Vorlage „{name}“ unten eingefügt: Lesen Sie sie, ergänzen Sie sie und senden Sie sie ab.',
  'replyTemplates.insertedUnfilled':
    'Vorlage „{name}“ unten eingefügt. Diese Meldung hat keinen Wert für {unfilled}: Ersetzen Sie ihn vor dem Senden.',
  'event.reply-template.created': 'Antwortvorlage erstellt',
  'event.reply-template.changed': 'Antwortvorlage geändert',
  'event.reply-template.deleted': 'Antwortvorlage gelöscht',
}
