// Reads and checks webhook definitions (Sanity's GROQ-powered webhooks) from a JSON file or LAKE_WEBHOOKS, refusing anything a delivery could not honour with a message that names the field.
import { readFileSync } from 'node:fs'
import { parse } from 'groq-js'

export type WebhookOperation = 'create' | 'update' | 'delete'

export type WebhookDefinition = {
  name: string
  url: string
  secret: string | null
  /** A GROQ filter over the changed document, e.g. `_type == "interview"`; empty = every document. */
  filter: string
  /** A GROQ projection, e.g. `{_id, "slug": slug.current}`; empty = the whole document. */
  projection: string
  on: WebhookOperation[]
  includeDrafts: boolean
  /** A dataset name, or `*` for every dataset. */
  dataset: string
  /** Extra request headers (e.g. for a target behind an auth proxy). */
  headers: Record<string, string>
}

export class WebhookConfigError extends Error {}

const OPERATIONS: readonly WebhookOperation[] = ['create', 'update', 'delete']

function fail(where: string, message: string): never {
  throw new WebhookConfigError(`Webhook ${where}: ${message}`)
}

function checkGroq(where: string, field: string, source: string, wrap: (text: string) => string): void {
  try {
    // delta:: functions exist only in delta mode, the mode webhooks are evaluated in.
    parse(wrap(source), { mode: 'delta' })
  } catch (error) {
    fail(where, `${field} is not valid GROQ (${(error as Error).message}): ${source}`)
  }
}

/** Validates one raw definition (as parsed from JSON) and fills in Sanity's defaults. */
export function webhookDefinition(raw: unknown, index: number): WebhookDefinition {
  const where = `#${index + 1}`
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail(where, 'must be a JSON object')
  const entry = raw as Record<string, unknown>
  const name = entry.name === undefined ? `webhook-${index + 1}` : entry.name
  if (typeof name !== 'string' || name.trim() === '') fail(where, '"name" must be a non-empty string')
  const named = `#${index + 1} (${name})`
  if (typeof entry.url !== 'string') fail(named, '"url" is required (the address to POST to)')
  let url: URL
  try {
    url = new URL(entry.url)
  } catch {
    fail(named, `"url" is not a valid URL: ${entry.url}`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    fail(named, `"url" must be http or https, got ${url.protocol}`)
  const secret = entry.secret === undefined || entry.secret === null ? null : entry.secret
  if (secret !== null && (typeof secret !== 'string' || secret === ''))
    fail(named, '"secret" must be a non-empty string (or left out to send unsigned)')
  const filter = entry.filter ?? ''
  if (typeof filter !== 'string') fail(named, '"filter" must be a GROQ filter string')
  if (filter.trim() !== '') checkGroq(named, '"filter"', filter, (text) => `*[${text}]`)
  const projection = entry.projection ?? ''
  if (typeof projection !== 'string') fail(named, '"projection" must be a GROQ projection string such as {_id, title}')
  if (projection.trim() !== '') {
    if (!projection.trim().startsWith('{'))
      fail(named, `"projection" must be an object projection in braces, e.g. {_id, title}; got ${projection}`)
    checkGroq(named, '"projection"', projection, (text) => `*${text}`)
  }
  const on = entry.on ?? OPERATIONS
  if (
    !Array.isArray(on) ||
    on.length === 0 ||
    !on.every((operation) => OPERATIONS.includes(operation as WebhookOperation))
  ) {
    fail(named, `"on" must be a non-empty array of ${OPERATIONS.map((operation) => `"${operation}"`).join(', ')}`)
  }
  const includeDrafts = entry.includeDrafts ?? false
  if (typeof includeDrafts !== 'boolean') fail(named, '"includeDrafts" must be true or false')
  const dataset = entry.dataset ?? '*'
  if (typeof dataset !== 'string' || !/^(\*|[a-z0-9][a-z0-9_-]{0,63})$/.test(dataset))
    fail(named, '"dataset" must be a dataset name or "*"')
  const headers = entry.headers ?? {}
  if (
    headers === null ||
    typeof headers !== 'object' ||
    Array.isArray(headers) ||
    !Object.values(headers).every((value) => typeof value === 'string')
  ) {
    fail(named, '"headers" must be an object of string values')
  }
  return {
    name,
    url: url.toString(),
    secret,
    filter: filter.trim(),
    projection: projection.trim(),
    on: [...new Set(on as WebhookOperation[])],
    includeDrafts,
    dataset,
    headers: headers as Record<string, string>,
  }
}

/** Parses a JSON array of definitions; `source` names where it came from, for the error message. */
export function parseWebhookDefinitions(json: string, source: string): WebhookDefinition[] {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (error) {
    throw new WebhookConfigError(`Webhooks in ${source} are not valid JSON: ${(error as Error).message}`)
  }
  return webhookDefinitions(Array.isArray(raw) ? raw : [raw], source)
}

/** Validates a list of raw definitions (names must be unique); `source` is named in errors. */
export function webhookDefinitions(list: readonly unknown[], source: string): WebhookDefinition[] {
  try {
    const definitions = list.map(webhookDefinition)
    const names = new Set<string>()
    for (const definition of definitions) {
      if (names.has(definition.name))
        throw new WebhookConfigError(`Webhook names must be unique; "${definition.name}" appears twice`)
      names.add(definition.name)
    }
    return definitions
  } catch (error) {
    if (error instanceof WebhookConfigError) throw new WebhookConfigError(`${error.message} (in ${source})`)
    throw error
  }
}

/** Definitions from `--webhooks FILE` and/or the LAKE_WEBHOOKS environment variable (both may be given). */
export function loadWebhookDefinitions(options: { file?: string; environment?: string }): WebhookDefinition[] {
  const definitions: WebhookDefinition[] = []
  if (options.file) {
    let text: string
    try {
      text = readFileSync(options.file, 'utf8')
    } catch (error) {
      throw new WebhookConfigError(`Cannot read the webhooks file ${options.file}: ${(error as Error).message}`)
    }
    definitions.push(...parseWebhookDefinitions(text, options.file))
  }
  if (options.environment && options.environment.trim() !== '')
    definitions.push(...parseWebhookDefinitions(options.environment, 'LAKE_WEBHOOKS'))
  return definitions
}
