import type { DiffLine } from '../domain/policy/line-diff.js'
import type { PolicyProblem } from '../domain/policy/parse-policy.js'
import { Alert, Button, Card, HiddenInput, PageHeader, Select, TextArea, WorkspaceLayout } from '../http/views/components/index.js'
import type { PageContext } from '../http/views/page-context.js'
import type { Role } from '../storage/schema.js'

const day = (iso: string) => iso.slice(0, 10)

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
}

/** The administrators' policy editor: the YAML, line-numbered problems, the diff against the current version. */
export function AdminPolicyPage(props: AdminPolicyProps) {
  const { ctx, org, role, current, versions, presets, source, problems, diff, notice } = props
  const { t } = ctx
  const action = `/w/${org.slug}/admin/policy`
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="policy" title={t('policy.admin.title')}>
      <div class="container stack">
        <PageHeader
          title={t('policy.admin.title')}
          subtitle={
            current ? t('policy.admin.current', { version: current.version, date: day(current.createdAt) }) : t('policy.admin.noneYet')
          }
        />
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {problems && problems.length > 0 ? (
          <Alert tone="danger">
            <p>{t('policy.admin.problems', { count: problems.length })}</p>
            <ul class="policy-problems">
              {problems.map((p) => (
                <li key={`${p.line}:${p.column}:${p.path}`}>{p.text}</li>
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
            <TextArea
              name="source"
              label={t('policy.admin.source')}
              hint={t('policy.admin.sourceHint')}
              rows={30}
              value={source}
              maxLength={200_000}
            />
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
          <form method="get" action={action} class="stack">
            <Select name="preset" label={t('policy.admin.preset')} options={presets.map((p) => ({ value: p, label: p }))} />
            <Button variant="secondary">{t('policy.admin.loadPreset')}</Button>
          </form>
        </Card>
        {versions.length > 0 ? (
          <Card title={t('policy.admin.versions')}>
            <ul>
              {versions.map((v) => (
                <li key={v.version}>
                  {v.version} · {day(v.createdAt)}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </WorkspaceLayout>
  )
}
