import type { mail as english } from '../en/mail.js'
import type { Translation } from '../translation.js'

/** German strings of outbound mail and the admin mail page (keys and arguments as in ../en/mail.ts). */
export const mail: Translation<typeof english> = {
  'mail.subject.reporter.acknowledgment': 'Wir haben Ihre Meldung erhalten',
  'mail.subject.reporter.reply': 'Neue Antwort zu Ihrer Meldung',
  'mail.subject.reporter.status-changed': 'Ihre Meldung hat einen neuen Status',
  'mail.subject.default': 'Neuigkeiten zu Ihrer Meldung',
  'mail.subject.reporter.new-link': 'Ein neuer Link, um Ihre Meldung zu verfolgen',
  'mail.subject.reporter.channel-refused': 'Ihre E-Mail wurde nicht als Meldung angenommen',
  'mail.subject.team.clock-reminder': 'Erinnerung: Eine Frist läuft bald ab',
  'mail.subject.team.clock-escalation': 'Eskalation: Eine Frist wurde versäumt',
  'mail.subject.team.severity-alert': 'Alarm: Eine Meldung für das ganze Team',
  'mail.subject.team.reporter-escalation': 'Eskalation durch die meldende Person',
  'mail.subject.reporter.may-escalate': 'Sie können Ihre Meldung jetzt eskalieren',
  'mail.subject.reporter.final-update': 'Abschließende Rückmeldung zu Ihrer Meldung',
  'mail.subject.reporter.may-disclose': 'Sie dürfen Ihre Meldung jetzt veröffentlichen',
  'mail.body.reporter.acknowledgment':
    'Hallo,\n\nvielen Dank für Ihre Meldung an {org}. Wir haben sie als {ref} erhalten und melden uns bei Ihnen.\n\nHier können Sie sie verfolgen (halten Sie diesen Link geheim): {link}\n\nAntworten Sie auf diese E-Mail, um Informationen zu ergänzen; Ihre Antwort wird der Meldung hinzugefügt.\n',
  'mail.body.reporter.reply':
    'Hallo,\n\ndas Sicherheitsteam von {org} hat zu {ref} geantwortet:\n\n{text}\n\nAntworten Sie auf diese E-Mail, um zu antworten.\n',
  'mail.body.reporter.status-changed': 'Hallo,\n\nIhre Meldung {ref} an {org} hat einen neuen Status: {status}.\n',
  'mail.body.default': 'Hallo,\n\nes gibt Neuigkeiten zu Ihrer Meldung {ref} an {org}.\n',
  'mail.body.reporter.channel-refused':
    'Hallo,\n\n{org} nimmt keine Meldungen zu Schwachstellen per E-Mail an. Ihre E-Mail wurde daher nicht zu einer Meldung und von niemandem gelesen. Bitte senden Sie Ihre Meldung stattdessen über einen dieser Kanäle:\n\n{text}\n\nDies ist eine automatische Antwort.',
  'mail.body.reporter.new-link':
    'Hallo,\n\njemand hat einen neuen Link angefordert, um Ihre Meldung {ref} an {org} zu verfolgen. Hier ist er (halten Sie ihn geheim): {link}\n\nWaren Sie das nicht, können Sie diese E-Mail ignorieren: Der Link öffnet die Meldung nur für die Person, die diese E-Mail hat.\n',
  'mail.body.team.clock-reminder':
    'Hallo,\n\neine Frist zur Meldung {ref} bei {org} läuft bald ab. Am {due} ist {clock} fällig.\n\nÖffnen Sie die Meldung im Arbeitsbereich: {link}\n',
  'mail.body.team.clock-escalation':
    'Hallo,\n\nzur Meldung {ref} bei {org} wurde eine Frist versäumt. Am {due} war {clock} fällig. Die Richtlinie eskaliert die Meldung an Sie (Stufe {step} der Eskalationskette).\n\nÖffnen Sie die Meldung im Arbeitsbereich: {link}\n',
  'mail.body.team.severity-alert':
    'Hallo,\n\nMeldung {ref} bei {org}, eingegangen am {due}, hat einen Schweregrad, bei dem die Richtlinie das ganze Team alarmiert. Bitte sehen Sie sie sich jetzt an.\n\nÖffnen Sie die Meldung im Arbeitsbereich: {link}\n',
  'mail.body.team.reporter-escalation':
    'Hallo,\n\ndie meldende Person zu {ref} bei {org} hat nicht rechtzeitig eine Antwort erhalten und die Meldung am {due} an Sie eskaliert (Stufe {step} der Eskalationskette).\n\nÖffnen Sie die Meldung im Arbeitsbereich: {link}\n',
  'mail.body.reporter.may-escalate':
    'Hallo,\n\nSie haben bis {due} keine Antwort auf Ihre Meldung {ref} an {org} erhalten. Die Richtlinie von {org} erlaubt Ihnen, sie jetzt Schritt für Schritt an die dort genannten Personen zu eskalieren.\n\nÖffnen Sie Ihre Meldung über den Folgelink aus unserer ersten E-Mail und wählen Sie „Eskalieren“: {link}\n',
  'mail.body.reporter.final-update':
    'Hallo,\n\nIhre Meldung {ref} an {org} wurde nicht innerhalb der Zeit gelöst, die unsere Richtlinie zusagt (bis {due}). Dies ist unsere abschließende Rückmeldung: Die Arbeit an einer Behebung ruht vorerst.\n\nVerfolgen Sie Ihre Meldung über den Folgelink aus unserer ersten E-Mail: {link}\n',
  'mail.body.reporter.may-disclose':
    'Hallo,\n\ndie Veröffentlichungsfrist Ihrer Meldung {ref} an {org} ist am {due} abgelaufen. Nach der Richtlinie von {org} dürfen Sie das Problem jetzt öffentlich machen.\n\nVerfolgen Sie Ihre Meldung über den Folgelink aus unserer ersten E-Mail: {link}\n',
  'mail.clock.acknowledge': 'die Eingangsbestätigung',
  'mail.clock.detailed-response': 'die ausführliche Antwort',
  'mail.clock.reporter-update': 'die nächste Rückmeldung an die meldende Person',
  'mail.clock.resolution': 'die Behebung',
  'mail.clock.disclosure': 'die Veröffentlichungsfrist',
  'mail.clock.escalation-allowed': 'die erste Antwort',
  'mail.clock.unknown': 'eine Frist',
  'mail.withheld':
    'Sie haben eine neue Nachricht zu Ihrer Meldung. Zu Ihrem Schutz wird sie nicht per unverschlüsselter E-Mail gesendet. Lesen Sie sie hier:',
  'mailAdmin.title': 'E-Mail',
  'mailAdmin.address': 'Sicherheitsadresse',
  'mailAdmin.addressHint': 'Meldungen werden hierher gesendet; jede Meldung erhält eine eigene Antwortadresse (address+r-…@domain).',
  'mailAdmin.encryptionRequired': 'Meldungstext nur verschlüsselt senden (sonst einen Link)',
  'mailAdmin.addressTaken': 'Eine andere Organisation auf dieser Instanz verwendet diese Adresse bereits.',
  'mailAdmin.save': 'Speichern',
  'mailAdmin.saved': 'Gespeichert.',
  'mailAdmin.key': 'OpenPGP-Schlüssel',
  'mailAdmin.noKey': 'Noch kein Schlüssel: Meldende können nicht verschlüsselt an Sie senden.',
  'mailAdmin.fingerprint': 'Fingerabdruck',
  'mailAdmin.publishedAt': 'Veröffentlicht am',
  'mailAdmin.generate': 'Neuen Schlüssel erzeugen',
  'mailAdmin.import': 'Privaten Schlüssel importieren',
  'mailAdmin.privateKey': 'Privater Schlüssel (ASCII-armored)',
  'mailAdmin.passphrase': 'Passphrase des Schlüssels',
  'mailAdmin.needAddress': 'Legen Sie zuerst die Sicherheitsadresse fest.',
  'mailAdmin.keyProblem': 'Der Schlüssel wurde abgelehnt: {problem}',
  'mailAdmin.relayOff':
    'Kein Relay konfiguriert (EMBARGO_SMTP_RELAY_URL): {count, plural, one {# E-Mail wartet} other {# E-Mails warten}} im Postausgang.',
  'mailAdmin.queued': '{count, plural, one {# E-Mail wartet} other {# E-Mails warten}} im Postausgang.',
  'mailAdmin.dead': 'Unzustellbare E-Mails',
  'mailAdmin.noDead': 'Keine unzustellbaren E-Mails.',
  'mailAdmin.deadAt': 'Aufgegeben am',
  'mailAdmin.attempts': 'Versuche',
  'mailAdmin.error': 'Letzter Fehler',
  'mailAdmin.retry': 'Erneut versuchen',
  'mailAdmin.retried': 'Die E-Mail ist wieder in der Warteschlange.',
  'mailAdmin.quarantine': 'Eingehende E-Mails in Quarantäne',
  'mailAdmin.noQuarantine': 'Keine E-Mails in Quarantäne.',
  'mailAdmin.reason': 'Grund',
  'mailAdmin.received': 'Empfangen',
  'event.mail.message_id_reused':
    'Eine E-Mail zu dieser Meldung hat die Message-ID einer anderen, abweichenden E-Mail wiederverwendet ({mails} E-Mails teilen sie). Beide wurden behalten; diese Message-ID ordnet keine Antworten mehr zu. Möglicherweise gibt sich jemand als die meldende Person aus.',
}
