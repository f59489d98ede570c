'use client'
// Draft mode only: click-to-edit overlays on the stega-encoded text (`@sanity/visual-editing`) and a refresh of the
// page, without a reload, on each change of the content it shows. The layout renders this only for an editor in draft
// mode, and the overlays are a separate chunk loaded from here, so readers download none of it.
import { lazy, startTransition, Suspense, useEffect, useMemo, useRef } from 'react'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import type { HistoryAdapter, HistoryAdapterNavigate, VisualEditingOptions } from '@sanity/visual-editing'

const Overlays = lazy(() =>
  import('@sanity/visual-editing/react').then((module) => ({ default: module.VisualEditing })),
)

/** How often a page opened outside the Presentation tool (a plain tab in draft mode) looks for new drafts. */
const standaloneRefreshMs = 3000

export function VisualEditingTools() {
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const navigate = useRef<HistoryAdapterNavigate | undefined>(undefined)
  const inPresentation = useRef(false)

  // The Presentation tool follows the page's own navigation, and navigates it from the Studio's address bar.
  const history = useMemo<HistoryAdapter>(
    () => ({
      subscribe(next) {
        inPresentation.current = true
        navigate.current = next
        return () => {
          navigate.current = undefined
        }
      },
      update(update) {
        if (update.type === 'push') router.push(update.url)
        else if (update.type === 'replace') router.replace(update.url)
        else router.back()
      },
    }),
    [router],
  )
  const search = searchParams.toString()
  useEffect(() => {
    navigate.current?.({ type: 'push', url: `${pathname}${search ? `?${search}` : ''}` })
  }, [pathname, search])

  // Draft reads are never cached, so re-rendering the server components shows the content as it is now: on every edit
  // the Presentation tool reports, and on its refresh button.
  const refresh = useMemo<NonNullable<VisualEditingOptions['refresh']>>(
    () => (payload) => {
      startTransition(() => router.refresh())
      return payload.source === 'manual' ? new Promise((resolve) => setTimeout(resolve, 500)) : false
    },
    [router],
  )

  // Outside the Presentation tool nothing reports edits: look again every few seconds while the tab is visible.
  useEffect(() => {
    const timer = setInterval(() => {
      if (!inPresentation.current && document.visibilityState === 'visible') startTransition(() => router.refresh())
    }, standaloneRefreshMs)
    return () => clearInterval(timer)
  }, [router])

  return (
    <Suspense>
      <Overlays portal history={history} refresh={refresh} />
    </Suspense>
  )
}
