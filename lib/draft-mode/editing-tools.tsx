// The editor's tools in draft mode, loaded on demand by ./visual-editing.tsx: click-to-edit overlays on the
// stega-encoded text (`@sanity/visual-editing`), and a re-render of the page from the content API on each edit.
import { useEffect, useMemo, useRef, startTransition } from 'react'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import {
  VisualEditing,
  type HistoryAdapter,
  type HistoryAdapterNavigate,
  type VisualEditingOptions,
} from '@sanity/visual-editing/react'

/** How often a page opened outside the Presentation tool (a plain tab in draft mode) looks for new drafts. */
const standaloneRefreshMs = 3000

export default function EditingTools() {
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

  // Draft reads are never cached, so re-rendering the server components shows the content as saved now. The Studio
  // saves typing at most once a second (the first keystroke at once); the Presentation tool calls this on each change
  // it sees, local or saved, and, since it returns a promise, once more a second after the last one; its refresh
  // button calls it too.
  const refresh = useMemo<NonNullable<VisualEditingOptions['refresh']>>(
    () => () => {
      startTransition(() => router.refresh())
      return new Promise((resolve) => setTimeout(resolve, 300))
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

  return <VisualEditing portal history={history} refresh={refresh} />
}
