// GET /data/export/:dataset — every document the caller may read, as NDJSON (what `sanity dataset export` downloads).
import { existingDataset } from '../dataset.ts'
import type { Route } from '../router.ts'
import { isVisibleTo } from '../../query/perspectives.ts'

export const exportRoute: Route = {
  method: 'GET',
  path: '/data/export/:dataset',
  handle(request) {
    const dataset = existingDataset(request.params, request.lake)
    const types = request.search.get('types')
    const wanted = types ? new Set(types.split(',').map((type) => type.trim())) : null
    const { res } = request
    res.writeHead(200, { 'content-type': 'application/x-ndjson; charset=utf-8' })
    // Streamed row by row in id order: a large dataset never sits in memory as one string.
    const rows = request.lake.store
      .statement('SELECT id, body FROM documents WHERE dataset = ? ORDER BY id')
      .iterate(dataset) as Iterable<{ id: string; body: string }>
    for (const row of rows) {
      if (!isVisibleTo(request.access, row.id)) continue
      if (wanted && !wanted.has(JSON.parse(row.body)._type)) continue
      res.write(`${row.body}\n`)
    }
    res.end()
  },
}
