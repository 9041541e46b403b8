/**
 * The ceiling: a bare Fastify server, in its own process, answering the same number of bytes as
 * the Embargo route being measured, with no database, no templates and no plugins. Every HTTP
 * figure is printed beside this one, measured in the same run, so a noisy machine shows as a
 * noisy ceiling and the ratio stays meaningful.
 *
 *   POST /json/:bytes  parses the JSON body and answers a JSON object of :bytes bytes
 *   GET  /html/:bytes  answers :bytes bytes of text/html
 */
import Fastify from 'fastify'

const cache = new Map<string, string>()
function jsonOf(bytes: number): string {
  const key = `j${bytes}`
  let value = cache.get(key)
  if (!value) {
    const filler = Math.max(0, bytes - '{"ref":"","pad":""}'.length - 14)
    value = JSON.stringify({ ref: 'ACME-2026-0001', pad: 'x'.repeat(filler) })
    cache.set(key, value)
  }
  return value
}
function htmlOf(bytes: number): string {
  const key = `h${bytes}`
  let value = cache.get(key)
  if (!value) {
    value = `<!doctype html><p>${'x'.repeat(Math.max(0, bytes - 19))}`
    cache.set(key, value)
  }
  return value
}

const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 })
app.post<{ Params: { bytes: string } }>('/json/:bytes', async (request, reply) => {
  if (typeof (request.body as { title?: unknown })?.title !== 'string') return reply.code(400).send({ error: 'no title' })
  return reply
    .code(201)
    .type('application/json')
    .send(jsonOf(Number(request.params.bytes)))
})
app.get<{ Params: { bytes: string } }>('/html/:bytes', async (request, reply) =>
  reply.type('text/html; charset=utf-8').send(htmlOf(Number(request.params.bytes))),
)
app.get('/healthz', async () => ({ status: 'ok' }))
const address = await app.listen({ host: '127.0.0.1', port: Number(process.env.CEILING_PORT ?? 0) })
process.stdout.write(`listening ${address}\n`)
process.on('SIGTERM', () => app.close().then(() => process.exit(0)))
