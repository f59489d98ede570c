// Perspectives: which stored documents a reader sees, and how drafts/versions overlay published ones.
import { badRequest } from '../http/errors.ts'
import type { Access } from '../http/access.ts'
import { isVersionAtLeast } from '../http/version.ts'
import type { SanityDocument } from '../store/store.ts'
import { isDraftId, isVersionId, layerIdOf, publishedIdOf } from '../document-ids.ts'
import { documentIdProblem } from '../mutations/identifiers.ts'

/**
 * `raw`: every stored document; `published`: no drafts or versions; `stack`: per base id the first layer
 * that exists (`drafts` → `drafts.<id>`, a release name → `versions.<release>.<id>`), else the published
 * document, presented under the base id with `_originalId` naming the real one.
 */
export type Perspective = { kind: 'raw' } | { kind: 'published' } | { kind: 'stack'; layers: string[] }

const releaseName = /^[a-zA-Z0-9_-]+$/

export function parsePerspective(raw: string | null, apiVersion: string | null): Perspective {
  if (raw === null || raw === '')
    return isVersionAtLeast(apiVersion, '2025-02-19') ? { kind: 'published' } : { kind: 'raw' }
  const names = raw
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean)
  if (names.length === 1 && names[0] === 'raw') return { kind: 'raw' }
  if (names.length === 1 && names[0] === 'published') return { kind: 'published' }
  const layers: string[] = []
  for (const name of names) {
    if (name === 'published') continue
    if (name === 'drafts' || name === 'previewDrafts') layers.push('drafts')
    else if (name === 'raw' || !releaseName.test(name))
      throw badRequest(
        'invalidPerspective',
        `Invalid perspective "${name}": use raw, published, drafts or a list of release names`,
      )
    else layers.push(name)
  }
  return layers.length === 0 ? { kind: 'published' } : { kind: 'stack', layers }
}

/** Anonymous readers see only ids without a `.`: no drafts, versions or system documents (nothing, if private). */
export function isVisibleTo(access: Access, id: string): boolean {
  return access.readDrafts || (access.readPublished && !id.includes('.'))
}

/** Without access to drafts a stacked perspective would only ever show published documents. */
export function effectivePerspective(perspective: Perspective, access: Access): Perspective {
  return perspective.kind === 'stack' && !access.readDrafts ? { kind: 'published' } : perspective
}

/** SQL keeping the stored ids (the SQL expression `column`) a raw or published view shows: storedIdInView in SQL. */
export function visibleIdSql(perspective: Perspective, access: Access, column: string): string {
  // Without drafts access no id has a `.`, so no draft or version either.
  if (!access.readDrafts) return access.readPublished ? `instr(${column}, '.') = 0` : '0'
  // GLOB, not LIKE: LIKE ignores case, and `Drafts.x` is a published id.
  if (perspective.kind === 'published') return `${column} NOT GLOB 'drafts.*' AND ${column} NOT GLOB 'versions.*'`
  return '1'
}

/** Whether a stored id can be part of the view at all (before overlaying). */
export function storedIdInView(perspective: Perspective, access: Access, id: string): boolean {
  if (!isVisibleTo(access, id)) return false
  if (perspective.kind === 'raw') return true
  if (perspective.kind === 'published') return !isDraftId(id) && !isVersionId(id)
  return true
}

/** The stored ids that may be needed to build the view documents for the given candidate stored ids. */
export function storedIdsFor(perspective: Perspective, access: Access, candidateIds: Iterable<string>): string[] {
  const needed = new Set<string>()
  for (const id of candidateIds) {
    if (!storedIdInView(perspective, access, id)) continue
    if (perspective.kind !== 'stack') {
      needed.add(id)
      continue
    }
    const base = publishedIdOf(id)
    needed.add(base)
    for (const layer of perspective.layers) needed.add(layerIdOf(layer, base))
  }
  return [...needed]
}

/** Builds the view documents (sorted by `_id`, the order a full scan sees too) from loaded stored documents. */
export function viewDocuments(
  perspective: Perspective,
  access: Access,
  stored: Map<string, SanityDocument>,
): SanityDocument[] {
  const view: SanityDocument[] = []
  if (perspective.kind !== 'stack') {
    for (const [id, doc] of stored) if (storedIdInView(perspective, access, id)) view.push(doc)
  } else {
    const bases = new Set<string>()
    for (const id of stored.keys()) bases.add(publishedIdOf(id))
    for (const base of bases) {
      const doc = overlay(perspective.layers, base, (id) => stored.get(id))
      if (doc) view.push(doc)
    }
  }
  return view.sort(byId)
}

function overlay(
  layers: string[],
  base: string,
  lookup: (id: string) => SanityDocument | undefined,
): SanityDocument | null {
  for (const layer of layers) {
    const doc = lookup(layerIdOf(layer, base))
    // A release version marked to unpublish its document (`version.unpublish`) hides it in that release's view.
    if (doc)
      return (doc._system as { delete?: boolean } | undefined)?.delete
        ? null
        : { ...doc, _id: base, _originalId: doc._id }
  }
  const published = lookup(base)
  return published ? { ...published, _originalId: published._id } : null
}

const byId = (a: SanityDocument, b: SanityDocument) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)

/** The document a reference resolves to inside the view, or null when it is absent or hidden. */
export function resolveInView(
  perspective: Perspective,
  access: Access,
  ref: string,
  load: (id: string) => SanityDocument | null,
): SanityDocument | null {
  if (perspective.kind !== 'stack') {
    if (!storedIdInView(perspective, access, ref)) return null
    return load(ref)
  }
  // In a stacked view documents are known by their base id only; a reference no document id can match finds nothing.
  if (documentIdProblem(ref) || ref !== publishedIdOf(ref)) return null
  return overlay(perspective.layers, ref, (id) => load(id) ?? undefined)
}
