// Rewrites asset fields between the lake's form (`asset: {_ref}`) and the export form (`_sanityAsset: "image@file://…"`).
import { formatAssetFileName } from '../assets/asset-files.ts'
import { parseAssetDocumentId } from '../assets/asset-document.ts'

type Json = unknown

const isObject = (value: Json): value is Record<string, Json> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * As `sanity dataset export` does: an object whose `asset._ref` names an exported asset loses `asset` and gains
 * `_sanityAsset: "<kind>@file://./<kind>s/<file>"` first, other keys (`_type`, `_key`, `crop`, `hotspot`, `alt`…)
 * kept. References to assets that are not exported stay as they are, so nothing dangles that did not already.
 */
export function toExportForm(value: Json, exportedAssetIds: ReadonlySet<string>): Json {
  if (Array.isArray(value)) return value.map((item) => toExportForm(item, exportedAssetIds))
  if (!isObject(value)) return value
  const reference = isObject(value.asset) && typeof value.asset._ref === 'string' ? value.asset._ref : null
  const name = reference && exportedAssetIds.has(reference) ? parseAssetDocumentId(reference) : null
  const result: Record<string, Json> = {}
  if (name) result._sanityAsset = `${name.kind}@file://./${name.kind}s/${formatAssetFileName(name)}`
  for (const [key, child] of Object.entries(value)) {
    if (name && key === 'asset') continue
    result[key] = toExportForm(child, exportedAssetIds)
  }
  return result
}

/** One `_sanityAsset` found in a document: its kind and where the bytes are (`file://…` or a URL). */
export type AssetPointer = { kind: 'image' | 'file'; location: string; raw: string }

export function parseAssetPointer(raw: string): AssetPointer | null {
  const match = /^(image|file)@(.+)$/.exec(raw)
  return match ? { kind: match[1] as 'image' | 'file', location: match[2] as string, raw } : null
}

/** Every `_sanityAsset` value in a document, in document order. */
export function findAssetPointers(value: Json, found: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) findAssetPointers(item, found)
  else if (isObject(value)) {
    if (typeof value._sanityAsset === 'string') found.push(value._sanityAsset)
    for (const [key, child] of Object.entries(value)) if (key !== '_sanityAsset') findAssetPointers(child, found)
  }
  return found
}

/** The import direction: `_sanityAsset` becomes `asset: {_type: 'reference', _ref}` with the id the asset got here. */
export function toLakeForm(value: Json, assetIdFor: (raw: string) => string): Json {
  if (Array.isArray(value)) return value.map((item) => toLakeForm(item, assetIdFor))
  if (!isObject(value)) return value
  const result: Record<string, Json> = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === '_sanityAsset' && typeof child === 'string')
      result.asset = { _type: 'reference', _ref: assetIdFor(child) }
    else result[key] = toLakeForm(child, assetIdFor)
  }
  return result
}
