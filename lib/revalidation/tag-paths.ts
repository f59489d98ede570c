// The reader paths behind each cache tag, so a webhook can re-render the pages it expired before any reader asks.

export function pathsForTag(tag: string): string[] {
  const [kind, slug] = tag.split(/:(.*)/s) as [string, string | undefined]
  const at = (prefix: string) => (slug ? [`${prefix}/${encodeURIComponent(slug)}`] : [])
  switch (kind) {
    case 'interviews':
      return [
        '/',
        '/interviews',
        '/speakers',
        '/topics',
        '/series',
        '/feed.xml',
        '/atom.xml',
        '/feed.json',
        '/sitemap.xml',
      ]
    case 'settings':
      return ['/']
    case 'interview':
      return at('/interviews')
    case 'person':
      return at('/speakers')
    case 'topic':
      return at('/topics')
    case 'series':
      return at('/series')
    default:
      return []
  }
}

export function pathsForTags(tags: readonly string[]): string[] {
  return [...new Set(tags.flatMap(pathsForTag))]
}
