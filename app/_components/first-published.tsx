// Where an interview first appeared, for one published elsewhere before: the publication, its address, or both.
import { safeHref } from '../../lib/content/safe-href.ts'

export function FirstPublished({ publication, url }: { publication?: string; url?: string }) {
  const href = safeHref(url)
  const host = href && /^https?:/.test(href) ? new URL(href).hostname : undefined
  if (!publication && !host) return null
  return (
    <p className="interview-meta">
      First published{publication && ` in ${publication}`}
      {host && (
        <>
          {' at '}
          <a href={href}>{host}</a>
        </>
      )}
      .
    </p>
  )
}
