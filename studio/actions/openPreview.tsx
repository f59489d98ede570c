// "Open preview": opens the interview on the reader site in draft mode through a short-lived preview secret.
import { EyeOpenIcon } from '@sanity/icons/EyeOpen'
import { createPreviewSecret } from '@sanity/preview-url-secret/create-secret'
import { urlSearchParamPreviewPathname, urlSearchParamPreviewSecret } from '@sanity/preview-url-secret/constants'
import { useCallback, useState } from 'react'
import { useClient, useCurrentUser, type DocumentActionComponent } from 'sanity'
import { apiVersion, siteUrl } from '../environment.ts'

/** Names these secrets' origin in the content API, next to the ones the Presentation tool would write. */
const SECRET_SOURCE = 'parley-open-preview'

/**
 * The site's `/api/draft-mode/enable` checks `sanity-preview-secret` with its own read token against the
 * `sanity.previewUrlSecret` document the Studio just wrote (a `drafts.` id, invisible to anonymous readers, expiring
 * after an hour). So no editor token or site secret is ever put in a URL, a browser history or a server log.
 */
export function previewUrl(secret: string, pathname: string): string {
  const url = new URL('/api/draft-mode/enable', siteUrl)
  url.searchParams.set(urlSearchParamPreviewSecret, secret)
  url.searchParams.set(urlSearchParamPreviewPathname, pathname)
  return url.toString()
}

type InterviewLike = { slug?: { current?: string } }

export const OpenPreviewAction: DocumentActionComponent = (props) => {
  const client = useClient({ apiVersion })
  const user = useCurrentUser()
  const [opening, setOpening] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const slug = ((props.draft ?? props.published) as InterviewLike | null)?.slug?.current

  const open = useCallback(() => {
    if (!slug || !user) return
    // Open the tab inside the click (popup blockers allow that), then send it on once the secret exists.
    const tab = window.open('about:blank', '_blank')
    if (tab) tab.opener = null
    setOpening(true)
    const studioUrl = new URL(window.location.href)
    createPreviewSecret(client, SECRET_SOURCE, `${studioUrl.origin}${studioUrl.pathname}`, user.id)
      .then(({ secret }) => {
        const url = previewUrl(secret, `/interviews/${slug}`)
        if (tab) tab.location.href = url
        else window.open(url, '_blank', 'noopener,noreferrer')
        props.onComplete()
      })
      .catch((error: unknown) => {
        tab?.close()
        setFailure(`Could not open the preview: ${error instanceof Error ? error.message : String(error)}`)
      })
      .finally(() => setOpening(false))
  }, [client, props, slug, user])

  return {
    label: opening ? 'Opening preview…' : 'Open preview',
    icon: EyeOpenIcon,
    disabled: !slug || !user || opening,
    title: !slug
      ? 'Give the interview a slug first: the preview opens /interviews/<slug>'
      : 'Open this draft on the site, in draft mode',
    onHandle: open,
    dialog: failure ? { type: 'popover', content: failure, onClose: () => setFailure(null) } : null,
  }
}
