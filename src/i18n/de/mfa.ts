import type { mfa as english } from '../en/mfa.js'
import type { Translation } from '../translation.js'

/** German strings of second factors (keys and arguments as in ../en/mfa.ts). */
export const mfa: Translation<typeof english> = {
  // Second step of signing in
  'secondStep.title': 'Zweiter Schritt',
  'secondStep.lead': 'Ihr Passwort war richtig. Bestätigen Sie nun mit Ihrem zweiten Faktor, dass Sie es sind.',
  'secondStep.totp.title': 'Code aus Ihrer Authenticator-App',
  'secondStep.totp.code': 'Sechsstelliger Code',
  'secondStep.totp.submit': 'Code prüfen',
  'secondStep.passkey.title': 'Passkey oder Sicherheitsschlüssel',
  'secondStep.passkey.submit': 'Passkey verwenden',
  'secondStep.recovery.title': 'Gerät verloren? Verwenden Sie einen Wiederherstellungscode',
  'secondStep.recovery.code': 'Wiederherstellungscode',
  'secondStep.recovery.submit': 'Wiederherstellungscode verwenden',
  'secondStep.wrong': 'Das stimmte nicht. Versuchen Sie es erneut.',
  'secondStep.usedUp': 'Zu viele falsche Antworten. Melden Sie sich erneut mit Ihrem Passwort an.',
  'secondStep.expired': 'Diese Anmeldung ist abgelaufen. Melden Sie sich erneut mit Ihrem Passwort an.',
  'secondStep.throttled': 'Zu viele falsche zweite Faktoren für dieses Konto. Warten Sie 15 Minuten und melden Sie sich dann erneut an.',
  'secondStep.cancel': 'Von vorn beginnen',

  // Passkeys in the browser (the one script)
  'passkey.needsJavaScript': 'Passkeys benötigen in diesem Browser JavaScript; die anderen Möglichkeiten funktionieren auch ohne.',
  'passkey.unsupported': 'Dieser Browser kann keine Passkeys verwenden.',
  'passkey.failed': 'Der Passkey wurde nicht verwendet (abgebrochen, Zeit abgelaufen oder nicht verfügbar). Versuchen Sie es erneut.',

  // The account's security page
  'security.title': 'Anmeldesicherheit',
  'security.lead':
    'Ein zweiter Faktor schützt Ihr Konto, wenn Ihr Passwort es nicht mehr tut: eine Authenticator-App, ein Passkey und Wiederherstellungscodes für den Fall, dass Sie diese verlieren.',
  'security.required':
    'Eine Organisation, der Sie angehören, verlangt einen zweiten Faktor: {orgs}. Richten Sie hier einen ein; solange Sie sich nicht damit anmelden, zeigt Ihnen diese Organisation nichts an.',
  'security.reSignIn':
    'Sie haben einen zweiten Faktor, aber diese Sitzung wurde ohne ihn angemeldet. Melden Sie sich ab und mit dem zweiten Faktor erneut an.',
  'security.totp.title': 'Authenticator-App',
  'security.totp.on': 'Ein: Bei der Anmeldung wird ein Code aus Ihrer App abgefragt.',
  'security.totp.off': 'Nicht eingerichtet.',
  'security.totp.start': 'Authenticator-App einrichten',
  'security.totp.remove': 'Authenticator-App entfernen',
  'security.passkeys.title': 'Passkeys',
  'security.passkeys.none': 'Noch kein Passkey.',
  'security.passkeys.add': 'Passkey hinzufügen',
  'security.passkeys.added': 'Hinzugefügt am {date}',
  'security.passkeys.remove': 'Entfernen',
  'security.recovery.title': 'Wiederherstellungscodes',
  'security.recovery.count': '{n, plural, one {# unbenutzter Wiederherstellungscode.} other {# unbenutzte Wiederherstellungscodes.}}',
  'security.recovery.none': 'Keine Wiederherstellungscodes. Sie werden erstellt, wenn Sie Ihren ersten zweiten Faktor einrichten.',
  'security.recovery.regenerate': 'Neue Wiederherstellungscodes erstellen (die alten werden ungültig)',
  'security.password': 'Ihr Passwort (zur Bestätigung, dass Sie es sind)',
  'security.passwordWrong': 'Das Passwort ist falsch; es wurde nichts geändert.',
  'security.stepUp': 'Melden Sie sich zuerst mit Ihrem zweiten Faktor an; es wurde nichts geändert.',
  'security.done.totp-added': 'Die Authenticator-App ist eingerichtet.',
  'security.done.totp-removed': 'Die Authenticator-App wurde entfernt.',
  'security.done.passkey-added': 'Der Passkey wurde hinzugefügt.',
  'security.done.passkey-removed': 'Der Passkey wurde entfernt.',
  'security.done.problem': 'Es wurde nichts geändert: {problem}',

  'totpSetup.title': 'Authenticator-App einrichten',
  'totpSetup.scan':
    'Scannen Sie diesen Code mit Ihrer Authenticator-App (zum Beispiel FreeOTP, Aegis oder 1Password) oder geben Sie den Schlüssel unten dort ein.',
  'totpSetup.qrLabel': 'QR-Code des Authenticator-Schlüssels',
  'totpSetup.key': 'Schlüssel (falls Sie nicht scannen können)',
  'totpSetup.code': 'Der sechsstellige Code, den Ihre App gerade anzeigt',
  'totpSetup.confirm': 'Bestätigen',
  'totpSetup.wrong': 'Dieser Code stimmte nicht. Prüfen Sie die Uhrzeit auf Ihrem Gerät und versuchen Sie es mit dem aktuellen Code.',

  'passkeySetup.title': 'Passkey hinzufügen',
  'passkeySetup.lead':
    'Ihr Browser fordert Sie auf, einen Passkey mit diesem Gerät, einem Smartphone oder einem Sicherheitsschlüssel zu erstellen.',
  'passkeySetup.name': 'Name (um ihn später wiederzuerkennen)',
  'passkeySetup.submit': 'Passkey erstellen',
  'passkeySetup.failed': 'Der Passkey konnte nicht hinzugefügt werden. Versuchen Sie es erneut.',

  'recoveryCodes.title': 'Ihre Wiederherstellungscodes',
  'recoveryCodes.label': 'Wiederherstellungscodes (nur dieses eine Mal angezeigt)',
  'recoveryCodes.note':
    'Bewahren Sie sie an einem sicheren Ort getrennt von Ihren Geräten auf. Jeder Code funktioniert einmal, anstelle eines Codes aus der App oder eines Passkeys.',
  'recoveryCodes.gone':
    'Wiederherstellungscodes werden nur einmal angezeigt; diese wurden bereits angezeigt. Erstellen Sie neue, falls Sie sie verloren haben.',
  'recoveryCodes.back': 'Zurück zur Anmeldesicherheit',

  'home.security': 'Anmeldesicherheit (zweite Faktoren)',
}
