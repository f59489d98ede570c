// The banner that tells an editor they are looking at drafts, with the way out; it also keeps the page refreshing.
import { DraftRefresh } from './draft-refresh.tsx'

export function DraftBanner() {
  return (
    <div className="draft-banner" role="status">
      <strong>Draft mode.</strong> You are seeing unpublished changes.{' '}
      <a href="/api/draft-mode/disable">Leave draft mode</a>
      <DraftRefresh />
    </div>
  )
}
