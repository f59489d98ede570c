// Newer/older links between pages of the interview index.
import Link from 'next/link'

export function indexPageHref(page: number): string {
  return page <= 1 ? '/' : `/page/${page}`
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  if (pageCount <= 1) return null
  return (
    <nav className="pagination" aria-label="More interviews">
      {page > 1 ? (
        <Link href={indexPageHref(page - 1)} rel="prev">
          ← Newer
        </Link>
      ) : (
        <span />
      )}
      <span className="pagination__status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={indexPageHref(page + 1)} rel="next">
          Older →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  )
}
