/**
 * Sample pages built from every shared component: used by the component tests (no inline style,
 * no script anywhere) and by `preview.tsx` (static HTML + screenshots to check the look).
 */
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Cell,
  EmptyState,
  HiddenInput,
  KeyValue,
  Layout,
  PageHeader,
  Pagination,
  RadioGroup,
  SecretBox,
  Select,
  StatusBadge,
  Table,
  TextArea,
  TextInput,
  ThreadMessage,
  Timeline,
} from '../../../src/http/views/components/index.js'
import { translator } from '../../../src/i18n/messages.js'

const t = translator('en')
const user = { name: 'Ana Responder' }
const org = { slug: 'kumi', name: 'Kumi Software' }
const nav = (current: string) =>
  [
    { href: '/kumi/reports', label: 'Reports' },
    { href: '/kumi/advisories', label: 'Advisories' },
    { href: '/kumi/policy', label: 'Policy' },
    { href: '/kumi/settings', label: 'Settings' },
  ].map((item) => ({ ...item, current: item.label === current }))

const queue: Array<[string, string, string, string, string, string]> = [
  ['KUMI-2026-0042', 'Stored XSS in project description via SVG upload', 'new', 'New', '—', '2 hours ago'],
  ['KUMI-2026-0041', 'IDOR on /api/v2/invoices/{id} exposes other tenants', 'triaged', 'Triaged', 'Ana Responder', 'Yesterday'],
  ['KUMI-2026-0040', 'SSRF through webhook URL validation bypass', 'fixing', 'Fixing', 'Bo Chen', '3 days ago'],
  ['KUMI-2026-0039', 'Session fixation after password reset', 'acknowledged', 'Acknowledged', 'Ana Responder', '4 days ago'],
  ['KUMI-2026-0038', 'Open redirect on /login?next=', 'accepted', 'Accepted', 'Bo Chen', '1 week ago'],
  ['KUMI-2026-0036', 'Path traversal in backup export', 'fixed', 'Fixed', 'Ana Responder', '2 weeks ago'],
  ['KUMI-2026-0031', 'Prototype pollution in config merge', 'disclosed', 'Disclosed', 'Bo Chen', '1 month ago'],
  ['KUMI-2026-0030', 'Missing rate limit on login (same as 0027)', 'duplicate', 'Duplicate', '—', '1 month ago'],
  ['KUMI-2026-0029', 'Clickjacking on marketing site', 'rejected', 'Rejected', 'Bo Chen', '1 month ago'],
  ['KUMI-2026-0020', 'Verbose error pages leak stack traces', 'closed', 'Closed', 'Ana Responder', '3 months ago'],
]

export function queuePage() {
  return (
    <Layout title="Reports" t={t} user={user} org={org} nav={nav('Reports')} csrfToken="csrf-token-123">
      <PageHeader
        title="Reports"
        subtitle="10 open reports · 2 need a first response today"
        actions={
          <>
            <ButtonLink href="/kumi/reports/export">Export</ButtonLink>
            <ButtonLink href="/kumi/reports/new" variant="primary">
              New report
            </ButtonLink>
          </>
        }
      />
      <Alert tone="warning" title="2 reports are past their acknowledgment deadline">
        <p>
          The policy promises a first response within 3 business days. <a href="/kumi/reports?due=overdue">Show overdue reports</a>
        </p>
      </Alert>
      <Table caption="Incoming reports" head={['Ref', 'Title', 'Status', 'Assignee', 'Received']} stack>
        {queue.map(([ref, title, status, label, assignee, received]) => (
          <tr key={ref}>
            <Cell label="Ref" kind="ref">
              <a href={`/kumi/reports/${ref}`}>{ref}</a>
            </Cell>
            <Cell label="Title" kind="title" rowHeader>
              {title}
            </Cell>
            <Cell label="Status">
              <StatusBadge status={status} label={label} />
            </Cell>
            <Cell label="Assignee" kind="nowrap">
              {assignee}
            </Cell>
            <Cell label="Received" kind="nowrap">
              <time dateTime="2026-11-22T06:00:00Z">{received}</time>
            </Cell>
          </tr>
        ))}
      </Table>
      <Pagination t={t} prevHref="/kumi/reports?before=0042" nextHref="/kumi/reports?after=0020" />
      <EmptyState title="No reports match these filters">
        <p>Try a wider date range, or clear the filters.</p>
        <ButtonLink href="/kumi/reports">Clear filters</ButtonLink>
      </EmptyState>
    </Layout>
  )
}

export function reportPage() {
  return (
    <Layout title="KUMI-2026-0041" t={t} user={user} org={org} nav={nav('Reports')} csrfToken="csrf-token-123">
      <PageHeader
        title="IDOR on /api/v2/invoices/{id} exposes other tenants"
        subtitle={
          <span class="cluster">
            <span class="mono">KUMI-2026-0041</span>
            <StatusBadge status="triaged" label="Triaged" />
            <span>Received 21 Nov 2026 via web form</span>
          </span>
        }
        actions={
          <>
            <Button>Claim</Button>
            <Button variant="primary">Accept</Button>
            <Button variant="danger">Reject</Button>
          </>
        }
      />
      <Alert tone="success" title="Reply sent">
        <p>The reporter was notified by e-mail.</p>
      </Alert>
      <div class="split">
        <div class="stack">
          <ThreadMessage
            author="sam@example.net"
            authorKind="reporter"
            authorKindLabel="Reporter"
            visibility="reporter"
            at="2026-11-21T09:12:00Z"
            atLabel="21 Nov 2026, 10:12"
            internalLabel="Internal note — not visible to the reporter"
            html={
              '<p>Changing the numeric id in <code>GET /api/v2/invoices/1832</code> returns invoices of other tenants.</p><pre><code>curl -H "Authorization: Bearer …" https://app.kumi.example/api/v2/invoices/1833\n</code></pre><p>Impact: full read access to every customer\'s billing data.</p>'
            }
          />
          <ThreadMessage
            author="Ana Responder"
            authorKind="responder"
            authorKindLabel="Responder"
            visibility="internal"
            at="2026-11-21T10:40:00Z"
            atLabel="21 Nov 2026, 11:40"
            internalLabel="Internal note — not visible to the reporter"
            html="<p>Reproduced on staging. Looks like the tenant filter is missing in <code>InvoiceRepository.byId</code>. CVSS 7.5 at least.</p>"
          />
          <ThreadMessage
            author="Embargo"
            authorKind="system"
            visibility="reporter"
            at="2026-11-21T10:41:00Z"
            atLabel="21 Nov 2026, 11:41"
            internalLabel="Internal note — not visible to the reporter"
            html="<p>Status changed from <em>Acknowledged</em> to <em>Triaged</em>.</p>"
          />
          <Card title="Reply">
            <form method="post" action="/kumi/reports/KUMI-2026-0041/messages">
              <HiddenInput name="_csrf" value="csrf-token-123" />
              <TextArea name="body" label="Message" hint="Markdown is supported. The reporter sees this." rows={5} required t={t} />
              <RadioGroup
                name="visibility"
                legend="Who can see it"
                value="reporter"
                options={[
                  { value: 'reporter', label: 'Reporter and team', hint: 'Sent to the reporter by e-mail.' },
                  { value: 'internal', label: 'Team only (internal note)' },
                ]}
              />
              <div class="form-actions">
                <Button variant="primary">Send reply</Button>
                <Button variant="ghost" type="button">
                  Preview
                </Button>
              </div>
            </form>
          </Card>
        </div>
        <div class="stack">
          <Card title="Details">
            <KeyValue
              items={[
                { label: 'Program', value: 'Kumi Cloud (web app)' },
                { label: 'Severity', value: <span class="mono">CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N</span> },
                { label: 'Assignee', value: 'Ana Responder' },
                { label: 'Due', value: 'Triage decision by 26 Nov 2026' },
                { label: 'Credit', value: 'Sam Rivera (sam@example.net)' },
              ]}
            />
          </Card>
          <Card title="Timeline" tone="muted">
            <Timeline
              items={[
                { at: '2026-11-21T09:12:00Z', atLabel: '21 Nov, 10:12', actor: 'Reporter', text: 'submitted the report' },
                { at: '2026-11-21T09:30:00Z', atLabel: '21 Nov, 10:30', actor: 'Ana Responder', text: 'acknowledged it' },
                { at: '2026-11-21T10:41:00Z', atLabel: '21 Nov, 11:41', actor: 'Ana Responder', text: 'marked it triaged' },
              ]}
            />
          </Card>
        </div>
      </div>
    </Layout>
  )
}

export function formPage() {
  return (
    <Layout title="Report a vulnerability" t={t} org={org} nav={[]} signInHref="/login">
      <div class="container--narrow">
        <PageHeader title="Report a vulnerability" subtitle="Kumi Software security team · we reply within 3 business days" />
        <Alert tone="danger" title="Check the highlighted fields">
          <p>2 fields need your attention before the report can be sent.</p>
        </Alert>
        <SecretBox
          label="Your private follow-up link — shown only once"
          value="https://embargo.example/r/KUMI-2026-0042#k=4x9QmT2v7LwPz8bR0cN5yHs3dJf6gKa1"
        >
          <p>Keep it somewhere safe: anyone with this link can read and reply to your report.</p>
        </SecretBox>
        <Card>
          <form method="post" action="/kumi/report" novalidate>
            <HiddenInput name="_csrf" value="csrf-token-123" />
            <TextInput name="title" label="Title" value="XSS <script>alert(1)</script>" required t={t} maxLength={200} />
            <Select
              name="program"
              label="Affected product"
              value="cloud"
              options={[
                { value: 'cloud', label: 'Kumi Cloud (web app)' },
                { value: 'agent', label: 'Kumi Agent (open source)' },
              ]}
              required
              t={t}
            />
            <TextArea
              name="body"
              label="Description"
              hint="Steps to reproduce, impact, and any proof of concept. Markdown is supported."
              error="Describe the issue in at least 20 characters."
              required
              t={t}
            />
            <TextInput
              name="email"
              type="email"
              label="Your e-mail (optional)"
              hint="We only use it to reply to you."
              error="Enter an e-mail address like name@example.com."
              value="sam@"
              autocomplete="email"
            />
            <RadioGroup
              name="credit"
              legend="How should we credit you?"
              value="name"
              options={[
                { value: 'name', label: 'By name', hint: 'In the advisory and the hall of fame.' },
                { value: 'anonymous', label: 'Anonymously' },
                { value: 'none', label: 'No credit' },
              ]}
            />
            <div class="form-actions">
              <Button variant="primary">Send report</Button>
              <ButtonLink href="/kumi/policy" variant="ghost">
                Read the policy
              </ButtonLink>
            </div>
          </form>
        </Card>
        <Alert tone="info" title="Encrypted reports">
          <p>
            You can also write to <a href="mailto:security@kumi.example">security@kumi.example</a> with our OpenPGP key.
          </p>
        </Alert>
      </div>
    </Layout>
  )
}
