// The footer on every page: feeds, the description and a careers link.
import type { SiteSettings } from '../../lib/content/schemas.ts'

export function SiteFooter({ settings }: { settings: SiteSettings }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p>{settings.description}</p>
        <ul className="site-footer__links">
          <li>
            <a href="/feed.xml">RSS</a>
          </li>
          <li>
            <a href="/atom.xml">Atom</a>
          </li>
          <li>
            <a href="/feed.json">JSON Feed</a>
          </li>
          <li>
            <a href="/sitemap.xml">Sitemap</a>
          </li>
        </ul>
      </div>
    </footer>
  )
}
