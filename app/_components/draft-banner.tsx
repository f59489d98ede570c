// The banner that tells an editor they are looking at drafts, with the way out, and the editing tools of draft mode.
import { VisualEditingTools } from '../../lib/draft-mode/visual-editing.tsx'

export function DraftBanner() {
  return (
    <div className="draft-banner" role="status">
      <strong>Draft mode.</strong> You are seeing unpublished changes.{' '}
      <a href="/api/draft-mode/disable">Leave draft mode</a>
      <VisualEditingTools />
    </div>
  )
}
