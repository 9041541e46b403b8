import type { accounts as english } from '../en/accounts.js'
import type { Translation } from '../translation.js'

/** German strings of the accounts feature (keys and arguments as in ../en/accounts.ts). */
export const accounts: Translation<typeof english> = {
  'mail.subject.account.invitation': 'Sie sind zu einem Sicherheitsteam eingeladen',
  'mail.body.account.invitation':
    'Hallo,\n\nSie sind eingeladen, dem Sicherheitsteam von {org} auf Embargo beizutreten. Öffnen Sie diesen Link, um die Einladung anzunehmen (halten Sie ihn geheim; er funktioniert einmal und 7 Tage lang):\n\n{link}\n\nOhne Konto wählen Sie dort Ihr eigenes Passwort; mit Konto melden Sie sich an und nehmen an. Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.\n',
  'mail.subject.account.password-reset': 'Passwort zurücksetzen',
  'mail.body.account.password-reset':
    'Hallo,\n\njemand hat angefragt, das Passwort Ihres Embargo-Kontos zurückzusetzen. Öffnen Sie diesen Link, um ein neues zu wählen (er funktioniert einmal und 30 Minuten lang):\n\n{link}\n\nWenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.\n',

  'fieldProblem.mismatch': 'Die beiden Passwörter stimmen nicht überein.',
  'fieldProblem.wrong-password': 'Das ist nicht Ihr aktuelles Passwort.',

  'members.invite': 'Mitglied einladen',
  'members.inviteHint':
    'Die Person erhält eine E-Mail mit einem Link, der einmal und 7 Tage lang funktioniert: Dort wählt sie ihr eigenes Passwort oder nimmt mit ihrem bestehenden Konto an.',
  'members.inviteSubmit': 'Einladung senden',
  'members.invited': 'Falls die Adresse E-Mails empfangen kann, ist eine Einladung unterwegs.',
  'members.actions': 'Aktionen',
  'members.changeRole': 'Rolle ändern',
  'members.remove': 'Entfernen',
  'members.disable': 'Konto deaktivieren',
  'members.enable': 'Konto aktivieren',
  'members.invitations': 'Einladungen',
  'members.invitations.none': 'Noch keine Einladungen.',
  'members.invitations.state': 'Status',
  'members.invitations.expires': 'Läuft ab',
  'members.invitations.revoke': 'Widerrufen',
  'invitationState.pending': 'ausstehend',
  'invitationState.expired': 'abgelaufen',
  'invitationState.accepted': 'angenommen',
  'invitationState.revoked': 'widerrufen',

  'invite.title': 'Einladung',
  'invite.invalid':
    'Dieser Einladungslink ist nicht mehr gültig: Er wurde verwendet, widerrufen oder ist abgelaufen. Bitten Sie die Administration um einen neuen.',
  'invite.lead': 'Sie sind eingeladen, dem Sicherheitsteam von {org} beizutreten, mit der Rolle „{role}“.',
  'invite.newAccount': 'Wählen Sie Ihren Namen und ein Passwort für Ihr neues Konto ({email}).',
  'invite.name': 'Ihr Name',
  'invite.create': 'Konto erstellen und beitreten',
  'invite.signIn': 'Für diese Adresse gibt es ein Konto: Melden Sie sich an und nehmen Sie die Einladung dann hier an.',
  'invite.signInButton': 'Anmelden und annehmen',
  'invite.accept': '{org} beitreten',
  'invite.otherAccount':
    'Diese Einladung gilt für ein anderes Konto. Melden Sie sich ab und als die eingeladene Person wieder an, um sie anzunehmen.',

  'account.title': 'Ihr Konto',
  'account.link': 'Konto',
  'account.changePassword': 'Passwort ändern',
  'account.current': 'Aktuelles Passwort',
  'account.newPassword': 'Neues Passwort',
  'account.newPasswordHint':
    'Mindestens 12 Zeichen; ein Satz aus mehreren Wörtern ist am einfachsten. Häufige und aus Datenlecks bekannte Passwörter werden abgelehnt.',
  'account.confirm': 'Neues Passwort wiederholen',
  'account.save': 'Passwort ändern',
  'account.changed': 'Passwort geändert. Ihre anderen Sitzungen wurden abgemeldet.',
  'account.throttled': 'Zu viele falsche Passwörter. Versuchen Sie es in {wait} erneut.',
  'account.sessionsLink': 'Ihre Sitzungen',

  'sessions.title': 'Ihre Sitzungen',
  'sessions.lead':
    'Jeder Browser, der bei Ihrem Konto angemeldet ist. Beenden Sie alle, die Sie nicht wiedererkennen, und ändern Sie dann Ihr Passwort.',
  'sessions.device': 'Gerät',
  'sessions.started': 'Angemeldet',
  'sessions.lastSeen': 'Zuletzt gesehen',
  'sessions.address': 'Adresse',
  'sessions.current': 'dieser Browser',
  'sessions.end': 'Sitzung beenden',
  'sessions.ended': 'Die Sitzung wurde beendet.',
  'sessions.unknownDevice': 'Unbekanntes Gerät',

  'reset.title': 'Passwort zurücksetzen',
  'reset.lead':
    'Geben Sie die E-Mail-Adresse Ihres Kontos ein. Falls es dazu ein Konto gibt, wird ein Link zum Wählen eines neuen Passworts an sie gesendet.',
  'reset.email': 'E-Mail',
  'reset.submit': 'Link senden',
  'reset.sent': 'Falls ein Konto diese Adresse verwendet, ist ein Link unterwegs. Er funktioniert einmal und 30 Minuten lang.',
  'reset.throttled': 'Zu viele Anfragen aus Ihrem Netzwerk für diese Adresse. Versuchen Sie es in {wait} erneut.',
  'reset.invalid': 'Dieser Link ist nicht mehr gültig: Er wurde verwendet oder ist abgelaufen. Fordern Sie einen neuen an.',
  'reset.choose': 'Wählen Sie ein neues Passwort. Alle Sitzungen Ihres Kontos werden abgemeldet.',
  'reset.save': 'Neues Passwort festlegen',
  'reset.done': 'Ihr Passwort wurde geändert und alle Sitzungen wurden abgemeldet. Melden Sie sich mit dem neuen Passwort an.',
  'reset.forgot': 'Passwort vergessen?',
}
