import type { replyTemplates as english } from '../en/reply-templates.js'
import type { Translation } from '../translation.js'

/** Dutch strings of reply templates (keys and arguments as in ../en/reply-templates.ts). */
export const replyTemplates: Translation<typeof english> = {
  'nav.replyTemplates': 'Antwoordsjablonen',
  'replyTemplates.title': 'Antwoordsjablonen',
  'replyTemplates.lead':
    "Antwoorden die het team vaak stuurt, klaar om in het antwoordformulier van een melding in te voegen. Placeholders zoals '{{reference}}' of '{{resolution date}}' worden bij het invoegen ingevuld met gegevens uit de melding; het lid leest en bewerkt het antwoord voordat het wordt verstuurd.",
  'replyTemplates.own': 'Eigen sjablonen',
  'replyTemplates.none': 'Nog geen eigen sjablonen. Kopieer hieronder een ingebouwd sjabloon, of schrijf een nieuw.',
  'replyTemplates.builtin': 'Ingebouwde sjablonen',
  'replyTemplates.builtin.hint':
    'Gemaakt op basis van je beleid en daar altijd mee in lijn: de inhoudelijke reactie heeft een kop voor alles wat die volgens het beleid bevat. Kopieer een sjabloon om de formulering te wijzigen.',
  'replyTemplates.new': 'Nieuw sjabloon',
  'replyTemplates.editTitle': 'Sjabloon bewerken',
  'replyTemplates.edit': '{name} bewerken',
  'replyTemplates.duplicate': 'Dupliceren',
  'replyTemplates.copy': '{name} naar je eigen sjablonen kopiëren',
  'replyTemplates.copyName': '{name} (kopie)',
  'replyTemplates.delete': '{name} verwijderen',
  'replyTemplates.preview': 'Voorbeeld',
  'replyTemplates.marksDetailed': 'Invoegen markeert het antwoord als de inhoudelijke reactie.',
  'replyTemplates.name': 'Naam',
  'replyTemplates.body': 'Tekst (Markdown)',
  'replyTemplates.body.hint':
    "Placeholders schrijf je tussen dubbele accolades, bijv. '{{reporter}}'. De lijst met placeholders staat hieronder.",
  'replyTemplates.detailed': 'Dit sjabloon is de inhoudelijke reactie',
  'replyTemplates.detailed.hint':
    'Invoegen vinkt op het antwoordformulier “Dit is de inhoudelijke reactie” aan, en wat die volgens het beleid moet bevatten, met de oplossingsdatum ingevuld; het lid kan de vinkjes weer weghalen.',
  'replyTemplates.save': 'Sjabloon opslaan',
  'replyTemplates.backToList': 'Terug naar de antwoordsjablonen',
  'replyTemplates.error': 'Het sjabloon is niet opgeslagen.',
  'replyTemplates.error.nameRequired': 'Geef het een naam: één regel van maximaal {max} tekens.',
  'replyTemplates.error.nameTooLong': 'De naam is te lang: maximaal {max} tekens.',
  'replyTemplates.error.bodyRequired': 'Schrijf de tekst van het sjabloon.',
  'replyTemplates.error.bodyTooLong': 'De tekst is te lang: maximaal {max} tekens.',
  'replyTemplates.error.unknownPlaceholder': 'Onbekende placeholder: {unknown}. De placeholders zijn {known}.',
  'replyTemplates.done.created': 'Sjabloon “{name}” opgeslagen.',
  'replyTemplates.done.changed': 'Sjabloon “{name}” gewijzigd.',
  'replyTemplates.done.deleted': 'Sjabloon “{name}” verwijderd.',
  'replyTemplates.placeholders': 'Placeholders',
  'replyTemplates.placeholders.hint':
    'Bij het invoegen ingevuld met gegevens uit de melding. Datums zijn kalenderdagen in de tijdzone van het beleid. Een placeholder waarvoor de melding geen waarde heeft, blijft staan zoals die geschreven is, en de pagina van de melding geeft dat aan.',
  'replyTemplates.placeholder.reference': 'De referentie van de melding, bijv. ACME-2026-0001.',
  'replyTemplates.placeholder.reporter': 'De naam of het pseudoniem dat de melder opgaf, anders “reporter”.',
  'replyTemplates.placeholder.program': 'Het programma waarnaar de melding is gestuurd, anders de organisatie.',
  'replyTemplates.placeholder.organization': 'De naam van de organisatie.',
  'replyTemplates.placeholder.acknowledgment due': 'De dag waarop de termijn voor de ontvangstbevestiging verloopt.',
  'replyTemplates.placeholder.detailed response due': 'De dag waarop de termijn voor de inhoudelijke reactie verloopt.',
  'replyTemplates.placeholder.resolution date':
    'De dag waarop de termijn voor de oplossing verloopt (zonder die termijn: de datum van openbaarmaking).',
  'replyTemplates.placeholder.disclosure date': 'De dag waarop het embargo eindigt: daarna mag de melder openbaar maken.',
  'replyTemplates.choose': 'Sjabloon',
  'replyTemplates.insert': 'Invoegen',
  'replyTemplates.manage': 'Sjablonen beheren',
  'replyTemplates.missing': 'Dat sjabloon bestaat niet (meer). Kies een ander.',
  'replyTemplates.inserted': 'Sjabloon “{name}” hieronder ingevoegd: lees het, vul het aan en verstuur het.',
  'replyTemplates.insertedUnfilled':
    'Sjabloon “{name}” hieronder ingevoegd. Deze melding heeft geen waarde voor {unfilled}: vervang dat vóór het versturen.',
  'event.reply-template.created': 'antwoordsjabloon gemaakt',
  'event.reply-template.changed': 'antwoordsjabloon gewijzigd',
  'event.reply-template.deleted': 'antwoordsjabloon verwijderd',
}
