#!/usr/bin/env node
import { Command } from 'commander'
import { inviteMember } from '../accounts/index.js'
import { addMember, createOrganization } from '../admin/index.js'
import { announcementHandlers } from '../announcements/index.js'
import { buildWeb, openApp } from '../app.js'
import { verifyAuditChain } from '../audit/index.js'
import { startClockScheduler } from '../clocks/index.js'
import { ConfigError, loadConfig, settings } from '../config.js'
import { startPublicationScheduler } from '../disclosure/index.js'
import { createOutboxWorker, generateOrgMailKey, setSecurityAddress, startInbound } from '../mail/index.js'
import { startNotificationJob } from '../notifications/index.js'
import { BackupError, backupDatabase, masterKeySource, restoreDatabase } from '../ops/index.js'
import { startPartnerNoticeJob } from '../partners/index.js'
import { checkPolicyFile, importPolicyFile, startPolicyFromPreset } from '../policy-admin/index.js'
import { startCraScheduler } from '../regulation/index.js'
import { startReportPublicationJob } from '../report-publication/index.js'
import { issueSetupLink } from '../setup/index.js'
import { Keyring } from '../storage/cipher.js'
import { migrate, openDatabase } from '../storage/db.js'
import { loadMasterKey } from '../storage/master-key.js'
import { findOrganizationBySlug } from '../storage/repositories/organization-repository.js'
import type { Role } from '../storage/schema.js'
import { registerRoutesCommand } from './routes-command.js'

/** `embargo`: run the server and administer an instance from the shell. */
const program = new Command('embargo').description('Coordinated vulnerability disclosure, self-hosted').showHelpAfterError()

function fail(message: string): never {
  process.stderr.write(`embargo: ${message}\n`)
  process.exit(1)
}

const errorsText = (errors: Record<string, string | undefined>) =>
  Object.entries(errors)
    .map(([field, code]) => `${field}: ${code}`)
    .join(', ')

program
  .command('serve')
  .description('Serve the web application (migrates the database first)')
  .action(async () => {
    const app = await openApp(loadConfig())
    const { deps } = app
    const server = await buildWeb(deps)
    const address = await server.listen({ host: deps.config.host, port: deps.config.port })
    deps.log.info({ address, publicUrl: deps.config.publicUrl.href }, 'embargo is serving')
    // Mail: stored-but-not-ingested mail is swept at start; the listener and poller only when configured.
    const inbound = await startInbound(deps, { smtp: deps.config.smtpListen, imap: true })
    // The outbox: announcements always, mail when a relay is configured; one delivery loop for both.
    const outbox = createOutboxWorker(deps, { handlers: announcementHandlers(deps) })
    outbox.start()
    // Clocks: reminders, escalations and the reporter's notices as deadlines come.
    const clocks = startClockScheduler(deps)
    clocks.start()
    const publications = startPublicationScheduler(deps)
    publications.start()
    // Partners: scheduled early notices at the first moment they may go, and reminders of unacknowledged ones.
    const partnerNotices = startPartnerNoticeJob(deps)
    partnerNotices.start()
    // Public versions of reports, once the reporter's objection period has ended and the fix is out.
    const reportPublications = startReportPublicationJob(deps)
    reportPublications.start()
    // The Cyber Resilience Act's clocks: reminders and escalation to the whole team and the named contacts.
    const craClocks = startCraScheduler(deps)
    craClocks.start()
    // The in-app inbox: new events into notifications, and the daily digests members asked for.
    const notifications = startNotificationJob(deps)
    notifications.start()
    const setupLink = await issueSetupLink(deps)
    if (setupLink) {
      process.stdout.write(
        `\nEmbargo has no users yet. Open this one-time link to create the first administrator and organization:\n\n  ${setupLink}\n\n`,
      )
    }
    const shutdown = async () => {
      await inbound.stop()
      await outbox.stop()
      await clocks.stop()
      await publications.stop()
      await partnerNotices.stop()
      await reportPublications.stop()
      await craClocks.stop()
      await notifications.stop()
      await server.close()
      await app.close()
      process.exit(0)
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
  })

program
  .command('migrate')
  .description('Bring the database schema up to date')
  .action(async () => {
    const config = loadConfig()
    const database = await openDatabase(config.databaseUrl)
    // The master key lets a migration seal values older versions stored in clear.
    const applied = await migrate(database.db, new Keyring(loadMasterKey(config).key)).finally(() => database.close())
    process.stdout.write(applied.length === 0 ? 'The database is up to date.\n' : `Applied: ${applied.join(', ')}\n`)
  })

program
  .command('config')
  .description('List every setting with its description and default')
  .option('--markdown', 'as the Markdown table in the README')
  .action((opts: { markdown?: boolean }) => {
    if (opts.markdown) {
      process.stdout.write('| setting | default | meaning |\n| --- | --- | --- |\n')
      for (const s of settings)
        process.stdout.write(`| \`${s.name}\` | ${s.default ? `\`${s.default}\`` : '—'} | ${s.description.replaceAll('|', '\\|')} |\n`)
      return
    }
    for (const s of settings) process.stdout.write(`${s.name}${s.default ? ` (default: ${s.default})` : ''}\n    ${s.description}\n`)
  })

const org = program.command('org').description('Organizations')
org
  .command('create')
  .description('Create an organization')
  .requiredOption('--slug <slug>', 'short name used in addresses and report numbers, e.g. acme')
  .requiredOption('--name <name>', 'display name, e.g. "ACME Corp"')
  .option('--preset <name>', 'start with a seed policy from presets/ (e.g. kumi-systems)')
  .action(async (opts: { slug: string; name: string; preset?: string }) => {
    if (opts.preset) checkPolicyFile(opts.preset, { presetOnly: true, quiet: true })
    const app = await openApp(loadConfig())
    const result = await createOrganization(app.deps, opts)
    if (result.ok && opts.preset) await startPolicyFromPreset(app.deps, result.value, opts.preset)
    await app.close()
    if (!result.ok) fail(`cannot create organization: ${errorsText(result.error)}`)
    process.stdout.write(
      `Created organization ${result.value.slug} (${result.value.name}); reports will be numbered ${result.value.ref_prefix}-YYYY-NNNN.\n`,
    )
  })

org
  .command('import-policy')
  .description("Import a policy file (or a preset name) as the organization's new policy version")
  .argument('<org>', 'organization slug')
  .argument('<file>', 'policy YAML file, or the name of a preset (kumi-systems, open-klant, …)')
  .action(async (slug: string, file: string) => {
    checkPolicyFile(file, { quiet: true })
    const app = await openApp(loadConfig())
    const target = await findOrganizationBySlug(app.deps.db, slug)
    if (target) await importPolicyFile(app.deps, target, file)
    await app.close()
    if (!target) fail(`no organization ${slug}`)
  })

program
  .command('policy')
  .description('Policy files')
  .command('check')
  .description('Check a policy file; prints each problem with its line number (exit 1 when there are any)')
  .argument('<file>', 'policy YAML file, or the name of a preset')
  .action((file: string) => {
    checkPolicyFile(file)
  })

org
  .command('mail')
  .description("Set an organization's security address (inbound mail, reply addresses) and optionally generate its OpenPGP key")
  .requiredOption('--org <slug>', 'organization')
  .requiredOption('--address <address>', 'e.g. security@acme.example')
  .option('--encryption-required', 'send report text only encrypted; otherwise only a link')
  .option('--generate-key', 'generate a new OpenPGP key for the organization')
  .action(async (opts: { org: string; address: string; encryptionRequired?: boolean; generateKey?: boolean }) => {
    const app = await openApp(loadConfig())
    const target = await findOrganizationBySlug(app.deps.db, opts.org)
    const set =
      target && (await setSecurityAddress(app.deps, target, { address: opts.address, encryptionRequired: !!opts.encryptionRequired }))
    const key = target && set?.ok && opts.generateKey ? await generateOrgMailKey(app.deps, target) : null
    await app.close()
    if (!target) fail(`no organization ${opts.org}`)
    if (!set?.ok) fail(`cannot set the address: ${set ? set.error.problem : 'unknown'}`)
    process.stdout.write(`Mail for ${opts.org} goes to ${opts.address}.${key?.ok ? ` OpenPGP key ${key.value.fingerprint}.` : ''}\n`)
  })

const user = program.command('user').description('Team members')
user
  .command('add')
  .description('Add a member to an organization (creating the account if the e-mail is new)')
  .requiredOption('--org <slug>', 'organization')
  .requiredOption('--email <email>', 'e-mail address used to sign in')
  .option('--name <name>', 'display name (for a new account)', '')
  .option('--role <role>', 'admin, responder or viewer', 'responder')
  .option('--password-stdin', 'read the initial password from standard input instead of the EMBARGO_NEW_PASSWORD variable')
  .action(async (opts: { org: string; email: string; name: string; role: string; passwordStdin?: boolean }) => {
    // Never a command-line argument: it would be visible to every user in the process list and shell history.
    let password = process.env.EMBARGO_NEW_PASSWORD ?? ''
    if (opts.passwordStdin) {
      const chunks: Buffer[] = []
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
      password = Buffer.concat(chunks)
        .toString('utf8')
        .replace(/\r?\n$/, '')
    }
    const app = await openApp(loadConfig())
    const target = await findOrganizationBySlug(app.deps.db, opts.org)
    if (!target) {
      await app.close()
      fail(`no organization ${opts.org}`)
    }
    const result = await addMember(app.deps, target.id, { email: opts.email, name: opts.name, password, role: opts.role as Role }, null)
    await app.close()
    if (!result.ok) fail(`cannot add member: ${errorsText(result.error)}`)
    process.stdout.write(`Added ${opts.email} to ${opts.org} as ${opts.role}.\n`)
  })

const member = program.command('member').description('Members of an organization')
member
  .command('invite')
  .description(
    'Invite someone by address: they choose their own password through a single-use link that works 7 days (mailed through the outbox, and printed here for the operator to pass on)',
  )
  .requiredOption('--org <slug>', 'organization')
  .requiredOption('--email <email>', 'the address to invite')
  .option('--role <role>', 'admin, responder or viewer', 'responder')
  .action(async (opts: { org: string; email: string; role: string }) => {
    const app = await openApp(loadConfig())
    const target = await findOrganizationBySlug(app.deps.db, opts.org)
    if (!target) {
      await app.close()
      fail(`no organization ${opts.org}`)
    }
    const result = await inviteMember(app.deps, target, { email: opts.email, role: opts.role }, null)
    await app.close()
    if (!result.ok) fail(`cannot invite: ${errorsText(result.error)}`)
    process.stdout.write(
      `Invited ${opts.email} to ${opts.org} as ${opts.role}. The link (single use, keep it secret):\n\n  ${result.value.link}\n`,
    )
  })

program
  .command('audit')
  .description('The audit log (changes and reads)')
  .command('verify')
  .description('Recompute the hash chain of the audit log; exits 1 naming the first broken row')
  .option('--org <slug>', 'only this organization (default: every one)')
  .action(async (opts: { org?: string }) => {
    const app = await openApp(loadConfig())
    const result = await verifyAuditChain(app.deps, opts.org).finally(() => app.close())
    if (!result.ok) fail(`no organization ${opts.org}`)
    let broken = false
    for (const v of result.value) {
      if (!v.broken) {
        process.stdout.write(`${v.slug}: the audit chain holds.\n`)
        continue
      }
      broken = true
      const row = v.broken.id ? `row ${v.broken.seq} (event ${v.broken.id})` : `after row ${v.broken.seq - 1} (rows at the end are missing)`
      process.stderr.write(`embargo: ${v.slug}: the audit chain is broken at ${row}: ${v.broken.reason} does not verify\n`)
    }
    if (broken) process.exit(1)
  })

program
  .command('backup')
  .description('Copy the SQLite database to <file> while the server runs (a consistent snapshot); PostgreSQL: see docs/operations.md')
  .argument('<file>', 'the backup file to write (must not exist)')
  .action(async (file: string) => {
    const config = loadConfig()
    const summary = await backupDatabase(config, file).catch((error) => {
      if (error instanceof BackupError) fail(`cannot back up: ${error.message}`)
      throw error
    })
    process.stdout.write(
      `Backed up ${summary.organizations} organization(s) and ${summary.reports} report(s) to ${summary.file} (${summary.bytes} bytes).\n` +
        `The backup is sealed with the master key, which it does not contain: back up ${masterKeySource(config)} apart from it (not in the same place); without the key the backup cannot be read.\n`,
    )
  })

program
  .command('restore')
  .description('Put a backup made by `embargo backup` in place of the SQLite database (stop the server first)')
  .argument('<file>', 'the backup file')
  .option('--force', 'replace a database that already holds data')
  .action(async (file: string, opts: { force?: boolean }) => {
    const config = loadConfig()
    const summary = await restoreDatabase(config, file, { force: !!opts.force }).catch((error) => {
      if (error instanceof BackupError) fail(`cannot restore: ${error.message}`)
      throw error
    })
    process.stdout.write(
      `Restored ${summary.organizations} organization(s) and ${summary.reports} report(s) into ${summary.file}.\n` +
        `Reports open only with the master key the backup was made with (${masterKeySource(config)} is used now).\n`,
    )
  })

registerRoutesCommand(program)

try {
  await program.parseAsync(process.argv)
} catch (error) {
  if (error instanceof ConfigError) fail(error.message)
  throw error
}
