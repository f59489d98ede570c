// "Open preview": opens the interview on the reader site in draft mode, signed in as the editor who clicked.
import {EyeOpenIcon} from '@sanity/icons/EyeOpen'
import {useCallback} from 'react'
import {useClient, type DocumentActionComponent} from 'sanity'
import {apiVersion, siteUrl} from '../environment.ts'

/**
 * The site's `/api/draft-mode/enable` accepts `?token=` and checks it by asking the content API
 * (`/users/me`, on the lake or hosted Sanity) whose token it is. So the Studio hands over the
 * editor's own session token and never needs `SANITY_PREVIEW_SECRET`, which stays on the server.
 * The link goes straight to the site's server route, which redirects at once; `noreferrer` keeps it
 * out of any Referer header.
 */
export function previewUrl(token: string, pathname: string): string {
  const url = new URL('/api/draft-mode/enable', siteUrl)
  url.searchParams.set('token', token)
  url.searchParams.set('redirect', pathname)
  return url.toString()
}

type InterviewLike = {slug?: {current?: string}}

export const OpenPreviewAction: DocumentActionComponent = (props) => {
  const client = useClient({apiVersion})
  const token = client.config().token
  const slug = ((props.draft ?? props.published) as InterviewLike | null)?.slug?.current

  const open = useCallback(() => {
    if (!slug || !token) return
    window.open(previewUrl(token, `/interviews/${slug}`), '_blank', 'noopener,noreferrer')
    props.onComplete()
  }, [props, slug, token])

  return {
    label: 'Open preview',
    icon: EyeOpenIcon,
    disabled: !slug || !token,
    title: !slug
      ? 'Give the interview a slug first: the preview opens /interviews/<slug>'
      : !token
        ? 'Preview needs a token sign-in (the lake’s sign-in, or a #token= link); cookie sessions cannot be handed to the site'
        : 'Open this draft on the site, in draft mode',
    onHandle: open,
  }
}
