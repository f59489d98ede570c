// Helpers for source-map tests: fetch with a map, read mappings as text, and check every mapping against the stored documents.
import type { ContentSourceMap, SanityClient } from '@sanity/client'
import { parseJsonPath } from '@sanity/client/csm'

export type MappedResponse = {
  result: unknown
  resultSourceMap: ContentSourceMap
  syncTags: string[]
  query?: string
  ms: number
}

export type MapOptions = {
  resultSourceMap?: true | 'withKeyArraySelector'
  perspective?: 'published' | 'drafts' | 'raw'
}

export function fetchMapped(
  client: SanityClient,
  query: string,
  params: Record<string, unknown> = {},
  options: MapOptions = {},
): Promise<MappedResponse> {
  return client.fetch(query, params, {
    filterResponse: false,
    resultSourceMap: options.resultSourceMap ?? true,
    perspective: options.perspective ?? 'published',
  }) as Promise<MappedResponse>
}

/** Each mapping as `result path → document id : source path`, for readable expectations. */
export function describeMappings(map: ContentSourceMap): Record<string, string> {
  const described: Record<string, string> = {}
  for (const [resultPath, mapping] of Object.entries(map.mappings)) {
    const source = mapping.source
    if (source.type !== 'documentValue') throw new Error(`unexpected source type ${source.type}`)
    described[resultPath] = `${map.documents[source.document]?._id} : ${map.paths[source.path]}`
  }
  return described
}

/** Reads a value at a parsed JSON path (indexes, attribute names, `_key` selectors). */
function valueAt(root: unknown, path: ReturnType<typeof parseJsonPath>): unknown {
  let current = root
  for (const segment of path) {
    if (current === null || current === undefined) return undefined
    if (typeof segment === 'object')
      current = (current as { _key?: string }[]).find((item) => item?._key === segment._key)
    else current = (current as Record<string | number, unknown>)[segment]
  }
  return current
}

/**
 * The property every mapping must have: the result holds exactly what the named document holds at the
 * named path (`rawReader` reads the stored documents, drafts included).
 */
export async function expectEveryMappingTrue(rawReader: SanityClient, response: MappedResponse): Promise<void> {
  const { documents, paths, mappings } = response.resultSourceMap
  const stored = await rawReader.fetch('*[_id in $ids]', { ids: documents.map((d) => d._id) }, { perspective: 'raw' })
  const byId = new Map((stored as { _id: string }[]).map((doc) => [doc._id, doc]))
  for (const [resultPath, mapping] of Object.entries(mappings)) {
    if (mapping.source.type !== 'documentValue') throw new Error('only documentValue sources are expected')
    const document = documents[mapping.source.document]
    const sourcePath = paths[mapping.source.path] as string
    const storedDocument = byId.get(document?._id as string) as Record<string, unknown> | undefined
    expect(storedDocument?._type).toBe(document?._type)
    // A stacked view presents `drafts.x` as `x` and adds `_originalId`: those two are the view's, not stored.
    if (sourcePath === "$['_id']" || sourcePath === "$['_originalId']") continue
    const expected = valueAt(storedDocument, parseJsonPath(sourcePath))
    const actual = valueAt(response.result, parseJsonPath(resultPath))
    expect({ resultPath, value: actual }).toEqual({ resultPath, value: expected })
  }
}
