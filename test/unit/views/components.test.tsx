import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { describe, expect, it } from 'vitest'
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  Cell,
  EmptyState,
  Field,
  HiddenInput,
  KeyValue,
  Layout,
  Markdown,
  PageHeader,
  Pagination,
  RadioGroup,
  renderPage,
  SecretBox,
  Select,
  StatusBadge,
  Table,
  TextArea,
  TextInput,
  ThreadMessage,
  Timeline,
} from '../../../src/http/views/components/index.js'
import { en } from '../../../src/i18n/en/index.js'
import { translator } from '../../../src/i18n/messages.js'
import { formPage, queuePage, reportPage } from './sample-pages.js'

const t = translator('en')
const render = (vnode: VNode<any>) => renderToString(vnode)
const evil = '<script>alert(1)</script>'

/** Attributes of the first element matching a tag and an attribute fragment, as a map. */
function attributesOf(html: string, tag: string, containing: string): Record<string, string> {
  const match = new RegExp(`<${tag}\\b[^>]*${containing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[^>]*>`).exec(html)
  if (!match) throw new Error(`no <${tag}> with ${containing} in ${html}`)
  return Object.fromEntries([...match[0].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((m) => [m[1]!, m[2] ?? '']))
}

function idsOf(html: string): string[] {
  return [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!)
}

describe('Layout', () => {
  const page = renderPage(
    <Layout
      title="Reports"
      t={t}
      user={{ name: 'Ana' }}
      org={{ slug: 'kumi', name: 'Kumi Software' }}
      csrfToken="tok-123"
      nav={[
        { href: '/r', label: 'Reports', current: true },
        { href: '/a', label: 'Advisories' },
      ]}
    >
      <p>content</p>
    </Layout>,
  )

  it('is a full HTML5 document in English with the product title', () => {
    expect(page.startsWith('<!doctype html><html lang="en">')).toBe(true)
    expect(page).toContain('<title>Reports · Embargo</title>')
    expect(page).toContain('<meta charset="utf-8"/>')
    expect(page).toContain('name="viewport"')
    expect(page).toContain('<meta name="referrer" content="no-referrer"/>')
  })

  it('loads the self-hosted stylesheet and icon, nothing external', () => {
    expect(page).toContain('<link rel="stylesheet" href="/static/styles.css"/>')
    expect(page).toContain('href="/static/favicon.svg"')
    expect(page).not.toMatch(/(?:src|href)="(?:https?:)?\/\//)
  })

  it('starts with a skip link to the main landmark', () => {
    const body = page.slice(page.indexOf('<body>'))
    expect(body).toMatch(/^<body><a class="skip-link" href="#main">Skip to content<\/a>/)
    expect(page).toContain('<main id="main"')
  })

  it('links the product name home and shows the organization', () => {
    expect(page).toMatch(/<a class="brand" href="\/"[^>]*>/)
    expect(page).toContain('Kumi Software')
  })

  it('marks the current navigation item for assistive tech', () => {
    expect(attributesOf(page, 'a', 'href="/r"')['aria-current']).toBe('page')
    expect(attributesOf(page, 'a', 'href="/a"')['aria-current']).toBeUndefined()
    expect(page).toContain(`aria-label="${en['layout.mainNav']}"`)
  })

  it('offers a CSRF-protected sign-out form when a user is signed in', () => {
    expect(page).toMatch(
      /<form method="post" action="\/logout"[^>]*><input type="hidden" name="_csrf" value="tok-123"\/><button type="submit"[^>]*>Sign out<\/button><\/form>/,
    )
    expect(page).toContain('Signed in as Ana')
  })

  it('has no sign-out form without a user, and a sign-in link when asked', () => {
    const anonymous = renderPage(
      <Layout title="Policy" t={t} signInHref="/login">
        <p>x</p>
      </Layout>,
    )
    expect(anonymous).not.toContain('/logout')
    expect(anonymous).not.toContain('_csrf')
    expect(anonymous).toContain('href="/login"')
    expect(anonymous).toContain('>Sign in</a>')
  })

  it('escapes the title, user and organization names', () => {
    const html = renderPage(
      <Layout title={evil} t={t} user={{ name: evil }} org={{ slug: 'x', name: evil }} nav={[{ href: '/x', label: evil }]}>
        {evil}
      </Layout>,
    )
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;script>alert(1)&lt;/script>')
  })
})

describe('Field and form controls', () => {
  it('links a text input to its label, hint and error, and marks it invalid', () => {
    const html = render(
      <TextInput name="email" label="E-mail" hint="We reply here." error="Enter an e-mail address." value="sam@" type="email" />,
    )
    const input = attributesOf(html, 'input', 'name="email"')
    expect(input['aria-invalid']).toBe('true')
    expect(html).toContain(`<label class="field__label" for="${input.id}">E-mail`)
    const described = input['aria-describedby']!.split(' ')
    expect(described).toHaveLength(2)
    const [hintId, errorId] = described as [string, string]
    expect(html).toMatch(new RegExp(`id="${hintId}">We reply here.<`))
    expect(html).toMatch(new RegExp(`id="${errorId}">.*Enter an e-mail address.`))
    expect(input.value).toBe('sam@')
  })

  it('leaves a valid field unmarked and undescribed when it has no hint', () => {
    const html = render(<TextInput name="title" label="Title" value="ok" />)
    const input = attributesOf(html, 'input', 'name="title"')
    expect(input['aria-invalid']).toBeUndefined()
    expect(input['aria-describedby']).toBeUndefined()
    expect(html).not.toContain('field__error')
  })

  it('wires a custom control given to Field as its child', () => {
    const html = render(
      <Field name="severity[vector]" label="Vector" error="Not a CVSS vector." required>
        <input class="input" name="severity[vector]" />
      </Field>,
    )
    const input = attributesOf(html, 'input', 'name="severity[vector]"')
    expect(input.id).toBe('f-severity-vector')
    expect(input['aria-invalid']).toBe('true')
    expect(input['aria-describedby']).toBe('f-severity-vector-error')
    expect(input.required).toBe('')
  })

  it('says "required" in the label when given a translator', () => {
    const html = render(<TextArea name="body" label="Description" required t={t} />)
    expect(html).toContain('(required)')
    expect(attributesOf(html, 'textarea', 'name="body"').required).toBe('')
  })

  it('never echoes a password back into the page', () => {
    const html = render(<TextInput name="password" type="password" label="Password" value="hunter2" autocomplete="current-password" />)
    expect(html).not.toContain('hunter2')
    expect(attributesOf(html, 'input', 'name="password"').autocomplete).toBe('current-password')
  })

  it('passes maxLength and rows through', () => {
    expect(render(<TextInput name="t" label="T" maxLength={200} />)).toContain('maxlength="200"')
    const area = render(<TextArea name="b" label="B" rows={3} maxLength={5000} value="hello" />)
    expect(area).toContain('rows="3"')
    expect(area).toContain('maxlength="5000"')
    expect(area).toContain('>hello</textarea>')
  })

  it('selects the chosen option', () => {
    const html = render(
      <Select
        name="program"
        label="Product"
        value="b"
        error="Choose a product."
        options={[
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]}
      />,
    )
    expect(html).toContain('<option value="b" selected>B</option>')
    expect(html).toContain('<option value="a">A</option>')
    expect(attributesOf(html, 'select', 'name="program"')['aria-invalid']).toBe('true')
  })

  it('groups radios in a fieldset with a legend, checks the value and links errors and hints', () => {
    const html = render(
      <RadioGroup
        name="credit"
        legend="Credit"
        value="anonymous"
        error="Choose one."
        options={[
          { value: 'name', label: 'By name', hint: 'In the advisory.' },
          { value: 'anonymous', label: 'Anonymously' },
        ]}
      />,
    )
    expect(html).toMatch(/^<fieldset[^>]*aria-describedby="f-credit-error"[^>]*><legend class="field__label">Credit<\/legend>/)
    expect(attributesOf(html, 'input', 'value="anonymous"').checked).toBe('')
    expect(attributesOf(html, 'input', 'value="name"').checked).toBeUndefined()
    const byName = attributesOf(html, 'input', 'value="name"')
    expect(html).toContain(`<label class="choice__label" for="${byName.id}">By name</label>`)
    expect(html).toContain(`id="${byName['aria-describedby']}">In the advisory.<`)
    expect(byName['aria-invalid']).toBe('true')
  })

  it('renders a hidden input', () => {
    expect(render(<HiddenInput name="_csrf" value="abc" />)).toBe('<input type="hidden" name="_csrf" value="abc"/>')
  })

  it('gives every element of a full form a unique id', () => {
    const ids = idsOf(renderPage(formPage()))
    expect(ids.length).toBeGreaterThan(5)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('Buttons', () => {
  it('are submit buttons of the secondary variant by default', () => {
    expect(render(<Button>Save</Button>)).toBe('<button class="btn btn--secondary" type="submit">Save</button>')
  })

  it('carry variant, type, name and value', () => {
    const html = render(
      <Button variant="danger" type="submit" name="action" value="reject">
        Reject
      </Button>,
    )
    expect(html).toBe('<button class="btn btn--danger" type="submit" name="action" value="reject">Reject</button>')
    expect(render(<Button type="button">x</Button>)).toContain('type="button"')
  })

  it('ButtonLink is a real link', () => {
    expect(
      render(
        <ButtonLink href="/new" variant="primary">
          New
        </ButtonLink>,
      ),
    ).toBe('<a class="btn btn--primary" href="/new">New</a>')
  })
})

describe('StatusBadge', () => {
  const statuses = ['new', 'acknowledged', 'triaged', 'accepted', 'rejected', 'duplicate', 'fixing', 'fixed', 'disclosed', 'closed']

  it.each(statuses)('shows the %s status as text, not colour alone', (status) => {
    const html = render(<StatusBadge status={status} label={`Label ${status}`} />)
    expect(html).toContain(`badge--${status}`)
    expect(html).toContain(`Label ${status}</span>`)
  })

  it('mutes terminal statuses only', () => {
    for (const status of ['rejected', 'duplicate', 'closed'])
      expect(render(<StatusBadge status={status} label="x" />)).toContain('badge--final')
    for (const status of ['new', 'fixing', 'fixed', 'disclosed'])
      expect(render(<StatusBadge status={status} label="x" />)).not.toContain('badge--final')
  })

  it('keeps an unknown or hostile status out of the class attribute', () => {
    const html = render(<StatusBadge status={'x" onclick="alert(1)'} label={evil} />)
    expect(html).toContain('badge--unknown')
    expect(html).not.toContain('onclick')
    expect(html).not.toContain('<script')
  })
})

describe('ThreadMessage and Markdown', () => {
  const base = {
    author: 'Ana',
    authorKind: 'responder' as const,
    at: '2026-11-21T10:40:00Z',
    atLabel: '21 Nov 2026, 11:40',
    html: '<p>Reproduced.</p>',
    internalLabel: 'Internal note — not visible to the reporter',
  }

  it('marks an internal note with the internal label text and its own class', () => {
    const html = render(<ThreadMessage {...base} visibility="internal" />)
    expect(html).toContain('thread-message--internal')
    expect(html).toContain('Internal note — not visible to the reporter')
  })

  it('does not mark a message the reporter sees', () => {
    const html = render(<ThreadMessage {...base} visibility="reporter" />)
    expect(html).not.toContain('thread-message--internal')
    expect(html).not.toContain('Internal note')
  })

  it('renders the sanitized HTML through the Markdown component and a machine-readable time', () => {
    const html = render(<ThreadMessage {...base} visibility="reporter" />)
    expect(html).toContain('<div class="prose"><p>Reproduced.</p></div>')
    expect(html).toContain('<time class="thread-message__time" datetime="2026-11-21T10:40:00Z">21 Nov 2026, 11:40</time>')
  })

  it('escapes the author and labels (only `html` is trusted)', () => {
    const html = render(<ThreadMessage {...base} author={evil} internalLabel={evil} authorKindLabel={evil} visibility="internal" />)
    expect(html).not.toContain('<script')
  })

  it('Markdown inserts exactly the HTML it is given', () => {
    expect(render(<Markdown html="<p><strong>x</strong></p>" />)).toBe('<div class="prose"><p><strong>x</strong></p></div>')
  })
})

describe('Alert', () => {
  it('interrupts for danger and is polite otherwise', () => {
    expect(render(<Alert tone="danger">x</Alert>)).toContain('role="alert"')
    for (const tone of ['info', 'success', 'warning'] as const) expect(render(<Alert tone={tone}>x</Alert>)).toContain('role="status"')
  })

  it('shows the title and body, with a decorative icon hidden from screen readers', () => {
    const html = render(
      <Alert tone="warning" title="Overdue">
        <p>Two reports</p>
      </Alert>,
    )
    expect(html).toContain('alert--warning')
    expect(html).toContain('<p class="alert__title">Overdue</p>')
    expect(html).toContain('<p>Two reports</p>')
    expect(html).toMatch(/<svg[^>]*aria-hidden="true"/)
  })
})

describe('Structure components', () => {
  it('PageHeader has one h1, the subtitle and the actions', () => {
    const html = render(<PageHeader title="Reports" subtitle="3 open" actions={<ButtonLink href="/n">New</ButtonLink>} />)
    expect(html.match(/<h1/g)).toHaveLength(1)
    expect(html).toContain('3 open')
    expect(html).toContain('page-header__actions')
  })

  it('Card is a titled section, or a plain box without a title', () => {
    expect(render(<Card title="Details">x</Card>)).toMatch(/^<section class="card"><h2 class="card__title">Details<\/h2>/)
    expect(render(<Card tone="muted">x</Card>)).toBe('<div class="card card--muted">x</div>')
  })

  it('Table has a caption, column headers and a keyboard-scrollable named region', () => {
    const html = render(
      <Table caption="Reports" head={['Ref', 'Title']} stack>
        <tr>
          <Cell label="Ref" kind="ref">
            K-1
          </Cell>
          <Cell label="Title" rowHeader>
            XSS
          </Cell>
        </tr>
      </Table>,
    )
    expect(html).toMatch(/^<section class="table-wrap" aria-label="Reports" tabindex="0">/)
    expect(html).toContain('<caption class="table__caption">Reports</caption>')
    expect(html).toContain('<th scope="col">Ref</th>')
    expect(html).toContain('class="table table--stack"')
    expect(html).toContain('<td class="table__cell table__cell--ref" data-label="Ref">K-1</td>')
    expect(html).toContain('<th scope="row" class="table__cell" data-label="Title">XSS</th>')
  })

  it('Timeline is an ordered list with machine-readable times', () => {
    const html = render(<Timeline items={[{ at: '2026-11-21T09:12:00Z', atLabel: '21 Nov', actor: 'Ana', text: 'acknowledged it' }]} />)
    expect(html).toMatch(/^<ol class="timeline">/)
    expect(html).toContain('<time class="timeline__time" datetime="2026-11-21T09:12:00Z">21 Nov</time>')
    expect(html).toContain('Ana</span> acknowledged it')
  })

  it('KeyValue is a definition list', () => {
    const html = render(<KeyValue items={[{ label: 'Program', value: <em>Cloud</em> }]} />)
    expect(html).toBe(
      '<dl class="kv"><div class="kv__row"><dt class="kv__label">Program</dt><dd class="kv__value"><em>Cloud</em></dd></div></dl>',
    )
  })

  it('EmptyState shows its title and guidance', () => {
    const html = render(
      <EmptyState title="No reports yet">
        <p>Share your policy.</p>
      </EmptyState>,
    )
    expect(html).toContain('No reports yet')
    expect(html).toContain('<p>Share your policy.</p>')
  })

  it('Pagination links previous and next with rel, and disappears when there is one page', () => {
    const html = render(<Pagination t={t} prevHref="/r?before=1" nextHref="/r?after=2" />)
    expect(html).toContain(`<nav class="pagination" aria-label="${en['pagination.label']}">`)
    expect(html).toMatch(/href="\/r\?before=1" rel="prev">.*Previous page<\/a>/)
    expect(html).toMatch(/href="\/r\?after=2" rel="next">Next page/)
    expect(render(<Pagination t={t} nextHref="/r?after=2" />)).not.toContain('rel="prev"')
    expect(render(<Pagination t={t} />)).toBe('')
  })

  it('SecretBox shows the label and the whole secret as selectable code', () => {
    const html = render(<SecretBox label="Your follow-up link" value={'https://e.example/r/K#k=a&b'} />)
    expect(html).toContain('Your follow-up link')
    expect(html).toContain('<code>https://e.example/r/K#k=a&amp;b</code>')
    expect(html).toContain('secret-box')
  })
})

describe('every sample page', () => {
  const pages = { queue: queuePage, report: reportPage, form: formPage }

  it.each(Object.entries(pages))('%s has no inline style and no script (CSP: self only)', (_name, page) => {
    const html = renderPage(page())
    expect(html).not.toMatch(/\sstyle=/i)
    expect(html).not.toMatch(/<style/i)
    expect(html).not.toMatch(/<script/i)
    expect(html).not.toMatch(/\son[a-z]+=/i)
  })

  it('escapes a script typed into a text field value', () => {
    const html = renderPage(formPage())
    expect(html).toContain('value="XSS &lt;script>alert(1)&lt;/script>"')
  })
})

describe('every text prop is escaped', () => {
  const cases: Record<string, VNode<any>> = {
    PageHeader: <PageHeader title={evil} subtitle={evil} actions={evil} />,
    Card: <Card title={evil}>{evil}</Card>,
    Alert: (
      <Alert tone="info" title={evil}>
        {evil}
      </Alert>
    ),
    TextInput: <TextInput name="a" label={evil} value={evil} hint={evil} error={evil} />,
    TextArea: <TextArea name="a" label={evil} value={evil} hint={evil} error={evil} />,
    Select: <Select name="a" label={evil} value={evil} options={[{ value: evil, label: evil }]} hint={evil} error={evil} />,
    RadioGroup: <RadioGroup name="a" legend={evil} value={evil} options={[{ value: evil, label: evil, hint: evil }]} error={evil} />,
    HiddenInput: <HiddenInput name="a" value={evil} />,
    Button: (
      <Button name={evil} value={evil}>
        {evil}
      </Button>
    ),
    ButtonLink: <ButtonLink href="/x">{evil}</ButtonLink>,
    StatusBadge: <StatusBadge status="new" label={evil} />,
    Table: (
      <Table caption={evil} head={[evil]}>
        <tr>
          <Cell label={evil}>{evil}</Cell>
        </tr>
      </Table>
    ),
    Timeline: <Timeline items={[{ at: evil, atLabel: evil, actor: evil, text: evil }]} />,
    EmptyState: <EmptyState title={evil}>{evil}</EmptyState>,
    KeyValue: <KeyValue items={[{ label: evil, value: evil }]} />,
    SecretBox: <SecretBox label={evil} value={evil} />,
  }

  it.each(Object.entries(cases))('%s', (_name, vnode) => {
    const html = render(vnode)
    expect(html).toContain('&lt;script>')
    expect(html).not.toContain('<script')
  })
})

describe('message catalogue', () => {
  it('has every component string the components use', () => {
    for (const key of [
      'layout.skipToContent',
      'layout.signOut',
      'layout.mainNav',
      'field.required',
      'pagination.next',
      'pagination.previous',
    ]) {
      expect(en).toHaveProperty([key])
    }
  })
})
