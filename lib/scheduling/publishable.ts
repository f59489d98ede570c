// What a draft must pass before the scheduler may publish it: the content model's own validation rules (schemas/),
// run by Sanity's validateDocument, so the scheduler refuses exactly what the Studio's Publish button refuses.
import type { SanityClient, SanityDocument } from '@sanity/client'
import { Schema } from '@sanity/schema'
import { builtinTypes } from '@sanity/schema/_internal'
import { validateDocument } from '@sanity/validation'
import { inferFromSchema } from '@sanity/validation/_internal'
import { schemaTypes } from '../../schemas/index.ts'

type CompiledSchema = ReturnType<typeof Schema.compile>
let compiled: CompiledSchema | undefined

/**
 * The schema compiled as the Studio's createSchema compiles it (built-in types as parent, rules inferred), by the same
 * calls, from the packages it makes them from: importing `sanity` for createSchema would load the whole Studio.
 */
function contentModel(): CompiledSchema {
  if (compiled) return compiled
  const builtins = Schema.compile({ name: 'builtins', types: builtinTypes })
  inferFromSchema(builtins)
  compiled = Schema.compile({ name: 'parley', types: schemaTypes, parent: builtins })
  inferFromSchema(compiled)
  return compiled
}

/** `qa[q1].answer`: a marker's path as an editor reads it, keyed array items by key. */
const pathText = (path: readonly unknown[]) =>
  path
    .map((segment, index) => {
      if (typeof segment === 'object' && segment && '_key' in segment) return `[${String(segment._key)}]`
      return typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`
    })
    .join('')

/** Returns the reasons a document cannot be published (validation errors, not warnings), or an empty list. */
export async function reasonsNotPublishable(client: SanityClient, document: SanityDocument): Promise<string[]> {
  const { markers } = await validateDocument({
    document,
    schema: contentModel(),
    client,
    // References are the content store's to check at publish: its refusal names the missing document.
    getDocumentExists: async () => true,
  })
  return markers
    .filter((marker) => marker.level === 'error')
    .map((marker) => (marker.path.length ? `${pathText(marker.path)}: ${marker.message}` : marker.message))
}
