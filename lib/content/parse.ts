// Parses query results with their zod schema; a document that does not fit is logged and left out, never thrown.
import type { z } from 'zod'

export function parseDocument<T extends z.ZodType>(schema: T, value: unknown, what: string): z.infer<T> | undefined {
  if (value === null || value === undefined) return undefined
  const parsed = schema.safeParse(value)
  if (parsed.success) return parsed.data
  console.warn(
    `[content] left out ${what} ${describe(value)}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
  )
  return undefined
}

export function parseEach<T extends z.ZodType>(schema: T, values: unknown, what: string): z.infer<T>[] {
  if (!Array.isArray(values)) return []
  return values.flatMap((value) => {
    const parsed = parseDocument(schema, value, what)
    return parsed === undefined ? [] : [parsed]
  })
}

function describe(value: unknown): string {
  if (value && typeof value === 'object' && '_id' in value) return String((value as { _id: unknown })._id)
  return '(without _id)'
}
