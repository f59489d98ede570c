// "Open preview": opens the draft on the reader site in draft mode, through a short-lived secret instead of a shared one.
import {EyeOpenIcon} from '@sanity/icons/EyeOpen'
import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {useCallback, useState} from 'react'
import {useClient, useCurrentUser, type DocumentActionComponent} from 'sanity'
import {apiVersion, siteUrl} from '../environment.ts'

/**
 * Why not `SANITY_PREVIEW_SECRET`: anything in the Studio bundle is public. Instead the editor's own
 * session writes a one-hour secret document (`sanity.previewUrlSecret`, a `drafts.` id that anonymous
 * readers never see) and the site checks it with its server-only read token — the scheme of
 * `@sanity/preview-url-secret`, the same on the lake and on hosted Sanity.
 */
export function previewUrl(secret: string, pathname: string): string {
  const url = new URL('/api/draft-mode/enable', siteUrl)
  url.searchParams.set('sanity-preview-secret', secret)
  url.searchParams.set('sanity-preview-pathname', pathname)
  url.searchParams.set('sanity-preview-perspective', 'drafts')
  return url.toString()
}

type InterviewLike = {slug?: {current?: string}}

export const OpenPreviewAction: DocumentActionComponent = (props) => {
  const client = useClient({apiVersion})
  const currentUser = useCurrentUser()
  const [opening, setOpening] = useState(false)
  const slug = ((props.draft ?? props.published) as InterviewLike | null)?.slug?.current

  const open = useCallback(async () => {
    if (!slug) return
    // Open the tab synchronously, inside the click, so popup blockers let it through.
    const tab = window.open('about:blank', '_blank')
    setOpening(true)
    try {
      const studioUrl = `${window.location.origin}${window.location.pathname.split('/structure')[0] ?? ''}`
      const {secret} = await createPreviewSecret(client, 'parley-studio', studioUrl, currentUser?.id)
      const target = previewUrl(secret, `/interviews/${slug}`)
      if (tab) tab.location.href = target
      else window.location.assign(target)
    } catch (error) {
      tab?.close()
      window.alert(`Could not open the preview: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      setOpening(false)
      props.onComplete()
    }
  }, [client, currentUser?.id, props, slug])

  return {
    label: opening ? 'Opening preview…' : 'Open preview',
    icon: EyeOpenIcon,
    disabled: !slug || opening,
    title: slug ? 'Open this draft on the site, in draft mode' : 'Give the interview a slug first: the preview opens /interviews/<slug>',
    onHandle: open,
  }
}
