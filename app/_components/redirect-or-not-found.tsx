// What a path with nothing to show answers: the redirect editors made for it (308 or 307), else the 404 page.
import { permanentRedirect, redirect } from 'next/navigation'
import type { ReactNode } from 'react'
import { findRedirect } from '../../lib/content/index.ts'
import { NotFoundAnswer } from './not-found-answer.tsx'

/** Call from a page before it renders anything: a redirect is thrown, as Next's redirect() must be. */
export async function redirectOrNotFound(path: string): Promise<ReactNode> {
  const rule = await findRedirect(path)
  if (rule) {
    if (rule.kind === 'temporary') redirect(rule.to)
    permanentRedirect(rule.to)
  }
  return <NotFoundAnswer />
}
