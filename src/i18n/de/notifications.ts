import type { notifications as english } from '../en/notifications.js'
import type { Translation } from '../translation.js'

/** German strings of the in-app inbox (keys and arguments as in ../en/notifications.ts). */
export const notifications: Translation<typeof english> = {
  'event.clock.breached': 'Frist überschritten: {clock}',
  'nav.inbox': 'Posteingang',
  'nav.inboxUnread': 'Posteingang ({count} ungelesen)',
  'inbox.title': 'Posteingang',
  'inbox.intro':
    'Was in dieser Organisation Ihre Aufmerksamkeit braucht: neue Meldungen, Antworten von Meldenden, Fristen und Meldungen, die Ihnen zugewiesen wurden.',
  'inbox.empty': 'Hier ist noch nichts. Neue Meldungen, Antworten, Fristen und Zuweisungen erscheinen hier.',
  'inbox.unreadCount': '{count} ungelesen',
  'inbox.markRead': 'Als gelesen markieren',
  'inbox.markAllRead': 'Alle als gelesen markieren',
  'inbox.unread': 'Ungelesen',
  'inbox.read': 'Gelesen',
  'inbox.kind.report-received': 'Neue Meldung {ref}',
  'inbox.kind.reporter-replied': 'Die meldende Person hat auf {ref} geantwortet',
  'inbox.kind.clock-warning': '{ref}: {clock} ist bald fällig',
  'inbox.kind.clock-breached': '{ref}: {clock} ist überfällig',
  'inbox.kind.assigned': '{ref} wurde Ihnen zugewiesen',
  'inbox.flash.read': 'Als gelesen markiert.',
  'inbox.flash.allRead': 'Alle Benachrichtigungen als gelesen markiert.',
  'inbox.flash.notFound': 'Diese Benachrichtigung gehört nicht Ihnen oder existiert nicht mehr.',
  'inbox.digest.title': 'Zusammenfassung per E-Mail',
  'inbox.digest.legend': 'Mir eine Zusammenfassung ungelesener Benachrichtigungen per E-Mail senden',
  'inbox.digest.off': 'Aus',
  'inbox.digest.daily': 'Täglich',
  'inbox.digest.save': 'Speichern',
  'inbox.digest.saved.off': 'Die Zusammenfassung per E-Mail ist ausgeschaltet.',
  'inbox.digest.saved.daily': 'Sie erhalten täglich per E-Mail eine Zusammenfassung Ihrer ungelesenen Benachrichtigungen.',
  'mail.subject.team.notification-digest': 'Ihre ungelesenen Benachrichtigungen',
  'mail.body.team.notification-digest': '{text}',
  'mail.body.team.notification-digest.intro': 'Ungelesene Benachrichtigungen für Sie in {org}:',
  'mail.body.team.notification-digest.outro':
    'Zu Ihrem Posteingang: {link}\n\nSie erhalten diese E-Mail, weil Sie eine tägliche Zusammenfassung angefordert haben. Sie können sie auf der Seite des Posteingangs ausschalten.',
}
