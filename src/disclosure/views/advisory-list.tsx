import type { AdvisoryState } from '../../domain/advisory/advisory.js'
import {
  Alert,
  Button,
  Card,
  Cell,
  EmptyState,
  HiddenInput,
  PageHeader,
  StatusBadge,
  Table,
  TeamTime,
  TextInput,
  WorkspaceLayout,
} from '../../http/views/components/index.js'
import type { PageContext } from '../../http/views/page-context.js'
import type { MessageKey, Translator } from '../../i18n/messages.js'
import type { StoredAdvisory } from '../../storage/repositories/advisory-repository.js'
import type { Role } from '../../storage/schema.js'

export const stateLabel = (t: Translator, state: AdvisoryState | string) => t(`advisory.state.${state}` as MessageKey)

interface Org {
  slug: string
  name: string
}

/** The organization's advisories the member may know. */
export function AdvisoryListPage({
  ctx,
  org,
  role,
  advisories,
  timeZone,
}: {
  ctx: PageContext
  org: Org
  role: Role
  advisories: StoredAdvisory[]
  /** The organization's zone (its policy's calendar); UTC without one. */
  timeZone?: string | undefined
}) {
  const { t } = ctx
  const head = [t('advisory.ownId'), t('advisory.title'), t('advisory.state'), t('advisory.updated')]
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={t('advisories.title')}>
      <div class="container stack">
        <PageHeader title={t('advisories.title')} subtitle={t('advisories.subtitle')} />
        {advisories.length === 0 ? (
          <EmptyState title={t('advisories.none')}>{t('advisories.startFromReport')}</EmptyState>
        ) : (
          <Table head={head} stack>
            {advisories.map((a) => (
              <tr key={a.id}>
                <Cell label={head[0]} kind="ref">
                  <a href={`/w/${org.slug}/advisories/${a.ownId}`}>{a.ownId}</a>
                </Cell>
                <Cell label={head[1]} kind="title">
                  {a.content.title}
                </Cell>
                <Cell label={head[2]} kind="nowrap">
                  <StatusBadge status={`advisory-${a.state}`} label={stateLabel(t, a.state)} />
                </Cell>
                <Cell label={head[3]} kind="nowrap">
                  <TeamTime iso={a.updatedAt} zone={timeZone} t={t} now={ctx.now} />
                </Cell>
              </tr>
            ))}
          </Table>
        )}
        <p class="text-muted">{t('advisories.startFromReport')}</p>
      </div>
    </WorkspaceLayout>
  )
}

/** Drafting a new advisory for a report: its title first, the rest on the edit page. */
export function NewAdvisoryPage({
  ctx,
  org,
  role,
  reportRef,
  problem,
  title,
}: {
  ctx: PageContext
  org: Org
  role: Role
  reportRef: string
  problem?: string | undefined
  title?: string | undefined
}) {
  const { t } = ctx
  return (
    <WorkspaceLayout ctx={ctx} org={org} role={role} current="advisories" title={t('advisories.new')}>
      <div class="container stack">
        <PageHeader title={t('advisories.new')} subtitle={t('advisories.newFor', { ref: reportRef })} />
        {problem ? <Alert tone="danger">{problem}</Alert> : null}
        <Card>
          <form method="post" action={`/w/${org.slug}/advisories`} class="stack">
            <HiddenInput name="_csrf" value={ctx.csrfToken} />
            <HiddenInput name="report" value={reportRef} />
            <TextInput name="title" label={t('advisory.title')} value={title} required maxLength={200} t={t} />
            <Button variant="primary">{t('advisories.create')}</Button>
          </form>
        </Card>
      </div>
    </WorkspaceLayout>
  )
}
