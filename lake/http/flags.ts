// Boolean query-string options as the Sanity client sends them (`true`/`false`, or present with no value).

export function flag(search: URLSearchParams, name: string, fallback = false): boolean {
  const value = search.get(name)
  if (value === null) return fallback
  return value === '' || value === 'true' || value === '1'
}
