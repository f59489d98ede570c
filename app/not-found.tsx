// The 404 page: says what happened and offers search and the site's directories instead.
import Link from 'next/link'
import { SearchForm } from './_components/search-form.tsx'

// Next puts this page into the RSC payload of every page (it is the root's not-found boundary), so it stays small and
// static: no content fetched, no interview cards repeated in every interview's HTML.
export default function NotFound() {
  return (
    <div className="page not-found">
      <h1 className="page-title">This page isn’t here</h1>
      <p className="lede">
        The interview may have moved or been unpublished, or the address has a typo. Try searching, or browse{' '}
        <Link href="/interviews">all interviews</Link>, <Link href="/speakers">the speakers</Link> or{' '}
        <Link href="/topics">the topics</Link>, or start from the <Link href="/">home page</Link>.
      </p>
      <SearchForm id="not-found-q" label="Interviews" className="search-form" />
    </div>
  )
}
