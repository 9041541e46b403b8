import type {
  KyselyPlugin,
  OperationNode,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely'

/**
 * Tables whose rows belong to one organization (they carry `org_id`). Kept in step with the
 * migrations by test/integration/storage/org-scope.test.ts, which reads the live schema.
 */
export const orgOwnedTables = new Set([
  'program',
  'membership',
  'report',
  'policy_version',
  'reporter',
  'report_access',
  'message',
  'event',
  'outbox',
  'reference_counter',
  'org_mail',
  'inbound_mail',
  'attachment',
  'mail_thread',
  'report_credit',
  'report_reward',
  'invitation',
  'advisory',
  'advisory_report',
  'advisory_revision',
  'advisory_counter',
  'api_token',
  'org_sso',
  'sso_identity',
  'cve_services',
  'announcement_channel',
  'announcement',
  'cve_record',
  'partner',
  'partner_notice',
  'report_publication',
  'cra_case',
  'notice_announcement',
  'reply_template',
  'notification',
  'notification_cursor',
  'notification_setting',
  'report_search_token',
  'search_index_state',
  'saved_view',
])

export class UnscopedQueryError extends Error {}

/** The repository function that built the query, so the message points at the line to fix. */
function caller(): string {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = 40
  const stack = new Error().stack ?? ''
  Error.stackTraceLimit = limit
  const frame = stack.split('\n').find((line) => /\/(src|test|bench)\//.test(line) && !line.includes('org-scope-guard'))
  return frame?.trim().replace(/^at /, '') ?? 'unknown caller'
}

type Node = Readonly<Record<string, unknown>> & { kind?: string }

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null

/**
 * A bound parameter (`ValueNode`, `PrimitiveValueListNode`) holds values, never a query or a column:
 * the walks stop there. Walking into them cost time on every insert (a 40-row insert is 120 value
 * nodes) and, for a Buffer parameter (an attachment), a walk over every byte.
 */
const isValue = (node: Node): boolean => node.kind === 'ValueNode' || node.kind === 'PrimitiveValueListNode'

/** Every query node in the tree (subqueries too), each checked on its own. */
function* queries(node: unknown): Generator<Node> {
  if (Array.isArray(node)) {
    for (const item of node) yield* queries(item)
    return
  }
  if (!isNode(node) || isValue(node)) return
  if (
    node.kind === 'SelectQueryNode' ||
    node.kind === 'UpdateQueryNode' ||
    node.kind === 'DeleteQueryNode' ||
    node.kind === 'InsertQueryNode'
  )
    yield node
  for (const value of Object.values(node)) if (isNode(value)) yield* queries(value)
}

/** Table names this query reads or writes directly (not those of its subqueries). */
function tablesOf(query: Node): string[] {
  const names: string[] = []
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const item of value) visit(item)
      return
    }
    if (!isNode(value)) return
    if (value.kind === 'SelectQueryNode' && value !== query) return // a subquery: checked on its own
    if (value.kind === 'TableNode') {
      const name = ((value.table as Node)?.identifier as Node)?.name
      if (typeof name === 'string') names.push(name)
      return
    }
    for (const child of Object.values(value)) visit(child)
  }
  visit([query.from, query.joins, query.table, query.into, query.using])
  return names
}

/** Whether the tree names the column `org_id` anywhere (a walk that stops at the first one: this runs on every query). */
function mentionsOrgId(value: unknown): boolean {
  if (Array.isArray(value)) return value.some(mentionsOrgId)
  if (!isNode(value) || isValue(value)) return false
  if (value.kind === 'IdentifierNode' && value.name === 'org_id') return true
  return Object.values(value).some(mentionsOrgId)
}

/** Why this query is not scoped to one organization, or undefined when it is. */
export function unscopedBecause(root: OperationNode): string | undefined {
  for (const query of queries(root)) {
    const owned = [...new Set(tablesOf(query))].filter((t) => orgOwnedTables.has(t))
    if (owned.length === 0) continue
    if (query.kind === 'InsertQueryNode') {
      if (!mentionsOrgId(query.columns)) return `insert into ${owned.join(', ')} without org_id`
      continue
    }
    const filters = [query.where, ...((query.joins as Node[] | undefined) ?? []).map((j) => j.on)]
    if (!filters.some(mentionsOrgId))
      return `${String(query.kind).replace('QueryNode', '').toLowerCase()} on ${owned.join(', ')} without an org_id condition`
  }
  return undefined
}

/**
 * Refuses any query on an organization's rows that does not name the organization: a forgotten
 * `where org_id = …` is how one organization's reports leak into another's pages, the worst bug
 * this product can have. The few instance-wide queries (the clock sweep, the outbox worker,
 * capability lookups by token hash) go through `acrossOrganizations`, so each is a visible choice.
 */
export const orgScopeGuard: KyselyPlugin = {
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    const problem = unscopedBecause(node)
    if (problem) throw new UnscopedQueryError(`Query not scoped to an organization: ${problem} (${caller()})`)
    return node
  },
  transformResult: async ({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> => result,
}
