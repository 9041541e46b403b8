/** HTTP load with autocannon, from this process against a server in another one, loopback only. */
import autocannon, { type AutocannonRequest, type Result } from 'autocannon'

export interface LoadFigure {
  /** Completed requests per second over the run. */
  rps: number
  p50: number
  p99: number
  max: number
  total: number
  ok2xx: number
  non2xx: number
  errors: number
  timeouts: number
  statusCodes: Record<string, number>
}

export interface LoadOptions {
  url: string
  connections: number
  seconds: number
  method?: 'GET' | 'POST'
  headers?: Record<string, string>
  body?: string
  setupRequest?: AutocannonRequest['setupRequest']
  onResponse?: AutocannonRequest['onResponse']
}

const summarize = (r: Result): LoadFigure => ({
  rps: (r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx']) / r.duration,
  p50: r.latency.p50,
  p99: r.latency.p99,
  max: r.latency.max,
  total: r['1xx'] + r['2xx'] + r['3xx'] + r['4xx'] + r['5xx'],
  ok2xx: r['2xx'],
  non2xx: r.non2xx,
  errors: r.errors,
  timeouts: r.timeouts,
  statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([code, s]) => [code, s.count])),
})

export async function load(o: LoadOptions): Promise<LoadFigure> {
  const url = new URL(o.url)
  const request: AutocannonRequest = {
    method: o.method ?? 'GET',
    path: `${url.pathname}${url.search}`,
    headers: o.headers ?? {},
    ...(o.body !== undefined ? { body: o.body } : {}),
    ...(o.setupRequest ? { setupRequest: o.setupRequest } : {}),
    ...(o.onResponse ? { onResponse: o.onResponse } : {}),
  }
  const result = await autocannon({
    url: url.origin,
    connections: o.connections,
    duration: o.seconds,
    timeout: 30,
    requests: [request],
  })
  return summarize(result)
}
