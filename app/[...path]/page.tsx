// Every path no other route matches: an old address with a redirect goes on (308/307), anything else is the 404 page.
// Cached like every page, and expired with the `redirects` tag when editors publish a redirect.
import { redirectOrNotFound } from '../_components/redirect-or-not-found.tsx'

export const revalidate = 3600

type Props = { params: Promise<{ path: string[] }> }

// None at build time: each old address renders (and is cached) on first request.
export function generateStaticParams(): { path: string[] }[] {
  return []
}

export const metadata = { title: 'Page not found', robots: { index: false } }

export default async function UnmatchedPath({ params }: Props) {
  const { path } = await params
  return redirectOrNotFound(`/${path.join('/')}`)
}
