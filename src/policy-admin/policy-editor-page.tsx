import type { DiffLine } from '../domain/policy/line-diff.js'
import type { PolicyProblem } from '../domain/policy/parse-policy.js'
import type { AttentionItem } from '../domain/policy/policy-attention.js'
import { Alert, Button, Card, HiddenInput, PageHeader, Select, WorkspaceLayout } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import { formatTime } from '../i18n/format-time.js'
import type { Translator } from '../i18n/messages.js'
import type { Role } from '../storage/schema.js'

/** When a version was saved, in the organization's zone and the page's language. */
const savedAt = (t: Translator, iso: string, zone: string | undefined) => formatTime(iso, zone, t.locale)

/** The address of the policy documentation this instance serves. */
export const policyDocsUrl = '/docs/policy'

function Diff({ lines }: { lines: (DiffLine | null)[] }) {
  return (
    <pre class="policy-diff">
      {lines.map((l, i) =>
        l === null ? (
          <span key={i}>{'⋯\n'}</span>
        ) : (
          <span key={i} class={`diff-${l.op}`}>
            {`${l.op === 'add' ? '+' : l.op === 'remove' ? '-' : ' '} ${String(l.newLine ?? l.oldLine ?? '').padStart(4)} ${l.text}\n`}
          </span>
        ),
      )}
    </pre>
  )
}

const lineCount = (source: string): number => source.replace(/\r\n/g, '\n').split('\n').length

/** Line numbers rendered on the server, each an anchor (`#L12`) a problem can link to. */
function Gutter({ lines }: { lines: number }) {
  return (
    <pre class="policy-gutter" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <a key={i} id={`L${i + 1}`} href={`#L${i + 1}`} tabIndex={-1}>
          {`${i + 1}\n`}
        </a>
      ))}
    </pre>
  )
}

/**
 * The policy file in a monospace box with a line-number gutter. The box is as tall as the file
 * (no inner scroll bar), so the gutter and the text stay side by side without any script.
 */
function PolicySource({ source, label, hint }: { source: string; label: string; hint: string }) {
  const lines = lineCount(source)
  return (
    <div class="field policy-field">
      <label class="field__label" for="policy-source">
        {label}
      </label>
      <p class="field__hint" id="policy-source-hint">
        {hint}
      </p>
      <div class="policy-editor">
        <Gutter lines={lines + 10} />
        <textarea
          id="policy-source"
          class="policy-editor__text"
          name="source"
          rows={lines + 10}
          wrap="off"
          spellcheck={false}
          aria-describedby="policy-source-hint"
          maxLength={200_000}
          value={source}
        />
      </div>
    </div>
  )
}

/** A stored version, read-only, with its line numbers. */
function NumberedSource({ source }: { source: string }) {
  const lines = source.replace(/\r\n/g, '\n').split('\n')
  return (
    <div class="policy-editor">
      <Gutter lines={lines.length} />
      <pre class="policy-editor__text policy-editor__text--read">{source}</pre>
    </div>
  )
}

function attentionText(t: Translator, item: AttentionItem): string {
  switch (item.key) {
    case 'name':
      return t('policy.attention.name', { name: item.inPolicy })
    case 'slug':
      return t('policy.attention.slug', { slug: item.inPolicy })
    case 'canonical':
      return t('policy.attention.canonical')
    case 'contacts':
      return t('policy.attention.contacts', { names: item.names.join(', ') })
    case 'securityAddress':
      return t('policy.attention.securityAddress', { address: item.address })
    case 'noKey':
      return t('policy.attention.noKey')
  }
}

export interface AdminPolicyProps {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  current: { version: number; createdAt: string } | null
  versions: { version: number; createdAt: string }[]
  presets: string[]
  source: string
  problems?: PolicyProblem[] | undefined
  diff?: (DiffLine | null)[] | undefined
  notice?: string | undefined
  attention?: AttentionItem[] | undefined
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
}

function VersionsCard({
  t,
  org,
  versions,
  zone,
}: {
  t: Translator
  org: { slug: string }
  versions: { version: number; createdAt: string }[]
  zone: string | undefined
}) {
  if (versions.length === 0) return null
  const day = (iso: string) => savedAt(t, iso, zone)
  const base = `/w/${org.slug}/admin/policy`
  const options = versions.map((v) => ({ value: String(v.version), label: `${v.version} · ${day(v.createdAt)}` }))
  return (
    <Card title={t('policy.admin.versions')}>
      <ul class="policy-versions">
        {versions.map((v) => (
          <li key={v.version}>
            <a href={`${base}/versions/${v.version}`}>{t('policy.admin.versionLink', { version: v.version, date: day(v.createdAt) })}</a>
          </li>
        ))}
      </ul>
      {versions.length > 1 ? (
        <form method="get" action={`${base}/diff`} class="cluster">
          <Select name="from" label={t('policy.admin.diffFrom')} options={options} value={String(versions[1]?.version)} />
          <Select name="to" label={t('policy.admin.diffTo')} options={options} value={String(versions[0]?.version)} />
          <Button variant="secondary">{t('policy.admin.compare')}</Button>
        </form>
      ) : null}
    </Card>
  )
}

/** The administrators' policy editor: the YAML, line-numbered problems, the diff against the current version. */
export function AdminPolicyPage(props: AdminPolicyProps) {
  const { ctx, org, role, current, versions, presets, source, problems, diff, notice, attention, timeZone } = props
  const { t } = ctx
  const action = `/w/${org.slug}/admin/policy`
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="policy" title={t('policy.admin.title')}>
      <div class="container container--wide stack">
        <PageHeader
          title={t('policy.admin.title')}
          subtitle={
            current
              ? t('policy.admin.current', { version: current.version, date: savedAt(t, current.createdAt, timeZone) })
              : t('policy.admin.noneYet')
          }
          actions={<a href={policyDocsUrl}>{t('policy.admin.docs')}</a>}
        />
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {attention && attention.length > 0 ? (
          <Alert tone="warning" title={t('policy.attention.title')}>
            <ul class="policy-attention">
              {attention.map((item) => (
                <li key={item.key}>{attentionText(t, item)}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {problems && problems.length > 0 ? (
          <Alert tone="danger">
            <p>{t('policy.admin.problems', { count: problems.length })}</p>
            <ul class="policy-problems">
              {problems.map((p) => (
                <li key={`${p.line}:${p.column}:${p.path}`}>
                  <a href={`#L${p.line}`}>{t('policy.admin.line', { line: p.line })}</a> {p.text}
                </li>
              ))}
            </ul>
          </Alert>
        ) : problems ? (
          <Alert tone="success">{t('policy.admin.valid')}</Alert>
        ) : null}
        {diff ? (
          <Card title={t('policy.admin.diff')}>{diff.length === 0 ? <p>{t('policy.admin.noChanges')}</p> : <Diff lines={diff} />}</Card>
        ) : null}
        <Card title={t('policy.admin.source')}>
          <form method="post" action={action} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <PolicySource source={source} label={t('policy.admin.source')} hint={t('policy.admin.sourceHint')} />
            <div class="cluster">
              <Button variant="secondary" name="intent" value="preview">
                {t('policy.admin.preview')}
              </Button>
              <Button variant="primary" name="intent" value="save">
                {t('policy.admin.save')}
              </Button>
            </div>
          </form>
        </Card>
        <Card title={t('policy.admin.preset')}>
          <p>{t('policy.admin.presetHint')}</p>
          <form method="get" action={action} class="stack">
            <Select name="preset" label={t('policy.admin.preset')} options={presets.map((p) => ({ value: p, label: p }))} />
            <Button variant="secondary">{t('policy.admin.loadPreset')}</Button>
          </form>
        </Card>
        <VersionsCard t={t} org={org} versions={versions} zone={timeZone} />
      </div>
    </WorkspaceLayout>
  )
}

/** One stored version, read-only with line numbers, and a link to what the current version changed since. */
export function PolicyVersionPage(props: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  version: { version: number; createdAt: string; source: string }
  current: number | null
  versions: { version: number; createdAt: string }[]
  timeZone?: string | undefined
}) {
  const { ctx, org, role, version, current, versions, timeZone } = props
  const { t } = ctx
  const base = `/w/${org.slug}/admin/policy`
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="policy" title={t('policy.version.title', { version: version.version })}>
      <div class="container container--wide stack">
        <PageHeader
          title={t('policy.version.title', { version: version.version })}
          subtitle={t('policy.version.since', { date: savedAt(t, version.createdAt, timeZone) })}
          actions={<a href={base}>{t('policy.version.back')}</a>}
        />
        {current !== null && current !== version.version ? (
          <p>
            <a href={`${base}/diff?from=${version.version}&to=${current}`}>{t('policy.version.diffCurrent', { version: current })}</a>
          </p>
        ) : null}
        <Card title={t('policy.admin.source')}>
          <NumberedSource source={version.source} />
        </Card>
        <VersionsCard t={t} org={org} versions={versions} zone={timeZone} />
      </div>
    </WorkspaceLayout>
  )
}

/** The changes between two stored versions. */
export function PolicyDiffPage(props: {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  from: number
  to: number
  diff: (DiffLine | null)[]
  versions: { version: number; createdAt: string }[]
  timeZone?: string | undefined
}) {
  const { ctx, org, role, from, to, diff, versions, timeZone } = props
  const { t } = ctx
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="policy" title={t('policy.diff.title', { from, to })}>
      <div class="container container--wide stack">
        <PageHeader
          title={t('policy.diff.title', { from, to })}
          actions={<a href={`/w/${org.slug}/admin/policy`}>{t('policy.version.back')}</a>}
        />
        <Card title={t('policy.admin.diff')}>{diff.length === 0 ? <p>{t('policy.admin.noChanges')}</p> : <Diff lines={diff} />}</Card>
        <VersionsCard t={t} org={org} versions={versions} zone={timeZone} />
      </div>
    </WorkspaceLayout>
  )
}
