import type { mail as english } from '../en/mail.js'
import type { Translation } from '../translation.js'

/** Dutch strings of outbound mail and the admin mail page (keys and arguments as in ../en/mail.ts). */
export const mail: Translation<typeof english> = {
  'mail.subject.reporter.acknowledgment': 'We hebben je melding ontvangen',
  'mail.subject.reporter.reply': 'Nieuwe reactie op je melding',
  'mail.subject.reporter.status-changed': 'Je melding heeft een nieuwe status',
  'mail.subject.default': 'Nieuws over je melding',
  'mail.subject.reporter.new-link': 'Een nieuwe link om je melding te volgen',
  'mail.subject.reporter.channel-refused': 'Je e-mail is niet als melding aangenomen',
  'mail.subject.team.clock-reminder': 'Herinnering: een deadline nadert',
  'mail.subject.team.clock-escalation': 'Escalatie: een deadline is gemist',
  'mail.subject.team.severity-alert': 'Waarschuwing: een melding voor het hele team',
  'mail.subject.team.reporter-escalation': 'Escalatie door de melder',
  'mail.subject.reporter.may-escalate': 'Je kunt je melding nu escaleren',
  'mail.subject.reporter.final-update': 'Laatste update over je melding',
  'mail.subject.reporter.may-disclose': 'Je mag je melding nu openbaar maken',
  'mail.body.reporter.acknowledgment':
    'Hallo,\n\nbedankt voor je melding aan {org}. We hebben deze ontvangen als {ref} en nemen contact met je op.\n\nVolg je melding hier (houd deze link geheim): {link}\n\nBeantwoord deze e-mail om informatie toe te voegen; je antwoord wordt aan de melding toegevoegd.\n',
  'mail.body.reporter.reply':
    'Hallo,\n\nhet securityteam van {org} heeft gereageerd op {ref}:\n\n{text}\n\nBeantwoord deze e-mail om te reageren.\n',
  'mail.body.reporter.status-changed': 'Hallo,\n\nje melding {ref} aan {org} heeft een nieuwe status: {status}.\n',
  'mail.body.default': 'Hallo,\n\ner is nieuws over je melding {ref} aan {org}.\n',
  'mail.body.reporter.channel-refused':
    'Hallo,\n\n{org} neemt geen meldingen van kwetsbaarheden per e-mail aan. Je e-mail is daarom niet omgezet in een melding en niemand heeft hem gelezen. Stuur je melding in plaats daarvan via een van deze kanalen:\n\n{text}\n\nDit is een automatisch antwoord.',
  'mail.body.reporter.new-link':
    'Hallo,\n\niemand heeft een nieuwe link aangevraagd om je melding {ref} aan {org} te volgen. Hier is hij (houd hem geheim): {link}\n\nWas jij dit niet, dan kun je deze e-mail negeren: de link opent de melding alleen voor wie deze e-mail heeft.\n',
  'mail.body.team.clock-reminder':
    'Hallo,\n\neen deadline van melding {ref} bij {org} nadert: de deadline voor {clock} is {due}.\n\nOpen de melding in de werkruimte: {link}\n',
  'mail.body.team.clock-escalation':
    'Hallo,\n\nmelding {ref} bij {org} heeft een deadline gemist: de deadline voor {clock} was {due}. Het beleid escaleert de melding naar jou (stap {step} van de escalatieketen).\n\nOpen de melding in de werkruimte: {link}\n',
  'mail.body.team.severity-alert':
    'Hallo,\n\nmelding {ref} bij {org}, ontvangen op {due}, heeft een ernst waarvoor het beleid het hele team waarschuwt. Bekijk de melding nu.\n\nOpen de melding in de werkruimte: {link}\n',
  'mail.body.team.reporter-escalation':
    'Hallo,\n\nde melder van {ref} bij {org} kreeg niet op tijd een reactie en heeft de melding op {due} naar jou geëscaleerd (stap {step} van de escalatieketen).\n\nOpen de melding in de werkruimte: {link}\n',
  'mail.body.reporter.may-escalate':
    'Hallo,\n\nje hebt vóór {due} geen reactie gekregen op je melding {ref} aan {org}. Het beleid van {org} staat je toe de melding nu stap voor stap te escaleren naar de personen die het noemt.\n\nOpen je melding met de vervolglink uit onze eerste e-mail en kies “Escaleren”: {link}\n',
  'mail.body.reporter.final-update':
    'Hallo,\n\nje melding {ref} aan {org} is niet opgelost binnen de tijd die ons beleid belooft (uiterlijk {due}). Dit is onze laatste update: de voortgang richting een oplossing ligt voorlopig stil.\n\nVolg je melding met de vervolglink uit onze eerste e-mail: {link}\n',
  'mail.body.reporter.may-disclose':
    'Hallo,\n\nde deadline voor openbaarmaking van je melding {ref} aan {org} is op {due} verstreken. Volgens het beleid van {org} mag je het probleem nu openbaar maken.\n\nVolg je melding met de vervolglink uit onze eerste e-mail: {link}\n',
  'mail.clock.acknowledge': 'de ontvangstbevestiging',
  'mail.clock.detailed-response': 'de inhoudelijke reactie',
  'mail.clock.reporter-update': 'de volgende update aan de melder',
  'mail.clock.resolution': 'de oplossing',
  'mail.clock.disclosure': 'de openbaarmaking',
  'mail.clock.escalation-allowed': 'de eerste reactie',
  'mail.clock.unknown': 'een termijn',
  'mail.withheld':
    'Je hebt een nieuw bericht over je melding. Ter bescherming wordt het niet per onversleutelde e-mail verstuurd. Lees het hier:',
  'mailAdmin.title': 'E-mail',
  'mailAdmin.address': 'Securityadres',
  'mailAdmin.addressHint': 'Meldingen worden hierheen gestuurd; elke melding krijgt een eigen antwoordadres (address+r-…@domain).',
  'mailAdmin.encryptionRequired': 'Meldingstekst alleen versleuteld versturen (anders een link)',
  'mailAdmin.addressTaken': 'Een andere organisatie op deze installatie gebruikt dit adres al.',
  'mailAdmin.save': 'Opslaan',
  'mailAdmin.saved': 'Opgeslagen.',
  'mailAdmin.key': 'OpenPGP-sleutel',
  'mailAdmin.noKey': 'Nog geen sleutel: melders kunnen niet versleuteld naar je sturen.',
  'mailAdmin.fingerprint': 'Vingerafdruk',
  'mailAdmin.publishedAt': 'Gepubliceerd op',
  'mailAdmin.generate': 'Nieuwe sleutel genereren',
  'mailAdmin.import': 'Private sleutel importeren',
  'mailAdmin.privateKey': 'Private sleutel (ASCII-armored)',
  'mailAdmin.passphrase': 'Wachtwoordzin van de sleutel',
  'mailAdmin.needAddress': 'Stel eerst het securityadres in.',
  'mailAdmin.keyProblem': 'De sleutel is geweigerd: {problem}',
  'mailAdmin.relayOff':
    'Er is geen relay ingesteld (EMBARGO_SMTP_RELAY_URL): {count, plural, one {# e-mail wacht} other {# e-mails wachten}} in de outbox.',
  'mailAdmin.queued': '{count, plural, one {# e-mail wacht} other {# e-mails wachten}} in de outbox.',
  'mailAdmin.dead': 'Onbestelde e-mail',
  'mailAdmin.noDead': 'Geen onbestelde e-mail.',
  'mailAdmin.deadAt': 'Opgegeven op',
  'mailAdmin.attempts': 'Pogingen',
  'mailAdmin.error': 'Laatste fout',
  'mailAdmin.retry': 'Opnieuw proberen',
  'mailAdmin.retried': 'De e-mail staat weer in de wachtrij.',
  'mailAdmin.quarantine': 'Inkomende e-mail in quarantaine',
  'mailAdmin.noQuarantine': 'Geen e-mail in quarantaine.',
  'mailAdmin.reason': 'Reden',
  'mailAdmin.received': 'Ontvangen',
  'event.mail.message_id_reused':
    'Een e-mail bij deze melding gebruikte de Message-ID van een andere, verschillende e-mail opnieuw ({mails} e-mails delen deze). Beide zijn bewaard; die Message-ID koppelt geen antwoorden meer aan elkaar. Mogelijk doet iemand zich voor als de melder.',
}
