import type { DiffLine } from '../../domain/policy/line-diff.js'
import { Button, Card, Cell, PageHeader, Select, Table, TeamTime, WorkspaceLayout } from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey } from '../../i18n/messages.js'
import type { RevisionEntry } from '../../storage/repositories/advisory-repository.js'
import type { Role } from '../../storage/schema.js'
import { stateLabel } from './advisory-list.js'

interface Props {
  ctx: PageContext
  org: { slug: string; name: string }
  role: Role
  ownId: string
  title: string
}

/** Every change of the advisory: who, when, what (the action and the fields it changed), and a form to compare any two. */
export function RevisionsPage({
  ctx,
  org,
  role,
  ownId,
  title,
  revisions,
  names,
  timeZone,
}: Props & {
  revisions: RevisionEntry[]
  names: Map<string, string>
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
}) {
  const { t } = ctx
  const base = `/w/${org.slug}/advisories/${ownId}`
  const head = ['#', t('advisory.rev.when'), t('advisory.rev.who'), t('advisory.rev.what'), t('advisory.rev.changed'), t('advisory.state')]
  const options = revisions.map((r) => ({ value: String(r.seq), label: `#${r.seq} · ${t(`advisory.action.${r.action}` as MessageKey)}` }))
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={`${ownId} · ${t('advisory.revisions')}`}>
      <div class="container stack">
        <PageHeader title={t('advisory.revisions')} subtitle={<a href={base}>{`${ownId} · ${title}`}</a>} />
        <Table head={head} stack>
          {revisions.map((r) => (
            <tr key={r.seq}>
              <Cell label={head[0]} kind="num">
                {r.seq}
              </Cell>
              <Cell label={head[1]} kind="nowrap">
                <TeamTime iso={r.at} zone={timeZone} t={t} now={ctx.now} />
              </Cell>
              <Cell label={head[2]}>{r.actorId ? (names.get(r.actorId) ?? t('author.formerMember')) : t('author.system')}</Cell>
              <Cell label={head[3]}>{t(`advisory.action.${r.action}` as MessageKey)}</Cell>
              <Cell label={head[4]}>{r.changed.map((f) => t(`advisory.field.${f}` as MessageKey)).join(', ')}</Cell>
              <Cell label={head[5]} kind="nowrap">
                {stateLabel(t, r.state)}
              </Cell>
            </tr>
          ))}
        </Table>
        {revisions.length > 1 ? (
          <Card title={t('advisory.compare')}>
            <form method="get" action={`${base}/diff`} class="stack">
              <Select name="from" label={t('advisory.compareFrom')} value={String(revisions.at(-2)?.seq ?? 1)} options={options} />
              <Select name="to" label={t('advisory.compareTo')} value={String(revisions.at(-1)?.seq ?? 1)} options={options} />
              <Button>{t('advisory.compare')}</Button>
            </form>
          </Card>
        ) : null}
      </div>
    </WorkspaceLayout>
  )
}

/** What changed between two revisions, line by line; the text is shown as text, never as HTML. */
export function DiffPage({ ctx, org, role, ownId, title, from, to, lines }: Props & { from: number; to: number; lines: DiffLine[] }) {
  const { t } = ctx
  const base = `/w/${org.slug}/advisories/${ownId}`
  const changed = lines.some((l) => l.op !== 'same')
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={`${ownId} · ${t('advisory.diff', { from, to })}`}>
      <div class="container stack">
        <PageHeader title={t('advisory.diff', { from, to })} subtitle={<a href={`${base}/revisions`}>{`${ownId} · ${title}`}</a>} />
        {changed ? null : <p class="text-muted">{t('advisory.diffSame')}</p>}
        <pre class="policy-diff">
          {lines.map((l, i) => (
            <span key={i} class={`diff-${l.op}`}>
              {`${l.op === 'add' ? '+' : l.op === 'remove' ? '-' : ' '} ${l.text}\n`}
            </span>
          ))}
        </pre>
      </div>
    </WorkspaceLayout>
  )
}
