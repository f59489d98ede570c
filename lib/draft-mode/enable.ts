// Turning draft mode on and off: who may (a Studio preview secret, or the automation secret), where they are sent
// afterwards (a path on this site, never elsewhere), and the cookie that keeps it on inside the Studio's frame.
import type { SanityClient } from '@sanity/client'
import { urlSearchParamPreviewSecret, validatePreviewUrl } from '@sanity/preview-url-secret'
import { urlSearchParamPreviewPerspective } from '@sanity/preview-url-secret/constants'
import { isContentApiUnavailable, retryAfterSeconds } from '../outage/content-api-unavailable.ts'
import { sameSecret } from '../same-secret.ts'

type PreviewAccess = { allowed: true; redirectTo: string } | { allowed: false; reason: string }

type PreviewAccessOptions = {
  /** A client with the read token: Studio secrets are `sanity.previewUrlSecret` documents only a token can see. */
  secretReader: SanityClient
  /** `SANITY_PREVIEW_SECRET`, for scripts and tests; unset turns that door off. */
  automationSecret?: string | undefined
}

type EnableRequestOptions = PreviewAccessOptions & {
  /** Turns draft mode on (sets its cookie); called only once access is granted. */
  enableDraftMode: () => Promise<void>
}

/** Keeps draft mode's redirects on this site: only a same-site relative path is followed, anything else goes home. */
export function sameSiteRedirectTarget(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/'
  try {
    // Resolving against a placeholder origin catches paths that a browser would still read as another host.
    const url = new URL(raw, 'http://parley.invalid')
    if (url.origin !== 'http://parley.invalid') return '/'
    return `${url.pathname}${url.search}${url.hash}`
  } catch {
    return '/'
  }
}

/**
 * The Studio (Presentation tool, or "Open preview") writes a random secret into the content API (it expires after an
 * hour) and links to `?sanity-preview-secret=…&sanity-preview-pathname=/path`; the content API is the only place that
 * can say the secret is real, so no long-lived credential ever travels in the URL. `?secret=&redirect=` is the
 * automation door.
 */
async function checkPreviewAccess(requestUrl: string, options: PreviewAccessOptions): Promise<PreviewAccess> {
  const params = new URL(requestUrl).searchParams
  if (params.has(urlSearchParamPreviewSecret)) {
    const result = await validatePreviewUrl(options.secretReader, requestUrl)
    if (!result.isValid)
      return {
        allowed: false,
        reason: 'This preview link is unknown or has expired: open the preview from the Studio again.',
      }
    // The site always shows drafts in draft mode; the Studio's perspective parameter left in the address would differ
    // from the path the Presentation tool asked for, and it would load the page a second time to follow it.
    const redirectTo = sameSiteRedirectTarget(result.redirectTo)
    const target = new URL(redirectTo, 'http://parley.invalid')
    target.searchParams.delete(urlSearchParamPreviewPerspective)
    return { allowed: true, redirectTo: `${target.pathname}${target.search}${target.hash}` }
  }
  const secret = params.get('secret')
  if (secret) {
    if (options.automationSecret && sameSecret(secret, options.automationSecret)) {
      return { allowed: true, redirectTo: sameSiteRedirectTarget(params.get('redirect')) }
    }
    return { allowed: false, reason: 'The preview secret is wrong.' }
  }
  return {
    allowed: false,
    reason: `Open the preview from the Studio (?${urlSearchParamPreviewSecret}=…), or give ?secret=<SANITY_PREVIEW_SECRET>.`,
  }
}

/** Answers an enable request: 401 (or 503 while the content API is down) in the API's error shape, or draft mode on and a redirect within the site. */
export async function handleDraftModeEnable(request: Request, options: EnableRequestOptions): Promise<Response> {
  let access: PreviewAccess
  try {
    access = await checkPreviewAccess(request.url, options)
  } catch (error) {
    // Only the content API can vouch for a preview secret; while it is down the answer is "later", not "no".
    if (!isContentApiUnavailable(error)) throw error
    return Response.json(
      {
        error: {
          type: 'unavailable',
          description: 'The content API is not answering, so the preview link cannot be checked: try again shortly.',
        },
      },
      { status: 503, headers: { 'retry-after': String(retryAfterSeconds), 'cache-control': 'no-store' } },
    )
  }
  if (!access.allowed) {
    return Response.json(
      { error: { type: 'unauthorized', description: access.reason } },
      { status: 401, headers: { 'cache-control': 'no-store' } },
    )
  }
  await options.enableDraftMode()
  return new Response(null, { status: 307, headers: { location: access.redirectTo, 'cache-control': 'no-store' } })
}

/** Next's draft-mode cookie. */
export const draftModeCookie = '__prerender_bypass'

/**
 * The attributes the draft-mode cookie is (re)issued with for `request`. The Presentation tool shows the site in a
 * frame of the Studio's origin (https://localhost:3334 under `npm start`, the Studio's host on hosted Sanity), another
 * site than the site's own (http://localhost:3000: schemeful same-site counts the scheme), so the cookie must be
 * `SameSite=None`, which browsers keep only with `Secure`; Chromium and Firefox accept a Secure cookie from
 * http://localhost and http://127.0.0.1 (secure contexts), so one setting serves `npm start`, `npm run dev` (where
 * Next alone would use Lax) and https. In a cross-site frame it is also `Partitioned` (CHIPS): Chromium (150 here,
 * Safari too) drops unpartitioned cookies set in a third-party frame; a partitioned one is kept for that frame of the
 * Studio alone, and a page opened in its own tab gets the ordinary cookie.
 */
export function draftModeCookieAttributes(request: Request) {
  const inCrossSiteFrame =
    request.headers.get('sec-fetch-dest') === 'iframe' && request.headers.get('sec-fetch-site') === 'cross-site'
  return { httpOnly: true, path: '/', secure: true, sameSite: 'none', partitioned: inCrossSiteFrame } as const
}
