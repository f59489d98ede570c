// The masthead on every page: the site's name, its navigation from site settings, and search.
import Link from 'next/link'
import type { SiteSettings } from '../../lib/content/schemas.ts'
import { safeHref } from '../../lib/content/safe-href.ts'
import { SearchForm } from './search-form.tsx'

export function SiteHeader({ settings }: { settings: SiteSettings }) {
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="site-header__inner">
        <Link href="/" className="site-header__title">
          {settings.title}
        </Link>
        <nav aria-label="Main" className="site-header__nav">
          <ul>
            {settings.navigation.map((item) => {
              const href = safeHref(item.href)
              return href ? (
                <li key={`${item.label}-${href}`}>
                  <a href={href}>{item.label}</a>
                </li>
              ) : null
            })}
            {settings.careersUrl &&
              safeHref(settings.careersUrl) &&
              !settings.navigation.some((item) => item.href === settings.careersUrl) && (
                <li>
                  <a href={safeHref(settings.careersUrl)}>Careers</a>
                </li>
              )}
          </ul>
          <SearchForm id="site-search" label="Site" className="site-header__search" placeholder="Search interviews" />
        </nav>
      </div>
    </header>
  )
}
