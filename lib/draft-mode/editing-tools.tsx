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

/** The shortest time between two re-renders for saved changes (the Studio saves typing about once a second). */
const refreshGapMs = 150

export default function EditingTools() {
  const router = useRouter()
  const pathname = usePathname()
  const searchParams = useSearchParams()
  const navigate = useRef<HistoryAdapterNavigate | undefined>(undefined)

  // The Presentation tool follows the page's own navigation, and navigates it from the Studio's address bar.
  const history = useMemo<HistoryAdapter>(
    () => ({
      subscribe(next) {
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

  // Draft reads are never cached, so re-rendering the server components shows the content as saved now. Saved
  // changes re-render through the stream below, so the Presentation tool's own call on each change is declined
  // (`false`); its refresh button still re-renders.
  const refresh = useMemo<NonNullable<VisualEditingOptions['refresh']>>(
    () => (payload) => {
      if (payload.source === 'mutation') return false
      startTransition(() => router.refresh())
      return new Promise((resolve) => setTimeout(resolve, 300))
    },
    [router],
  )

  // Every saved change, in the Presentation tool or in a plain tab: the content API's live events with drafts, through
  // the site (app/api/draft-mode/changes). Re-renders follow one another at most every `refreshGapMs`, the last always.
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    let last = 0
    const rerender = () => {
      clearTimeout(timer)
      const wait = Math.max(0, last + refreshGapMs - Date.now())
      timer = setTimeout(() => {
        last = Date.now()
        startTransition(() => router.refresh())
      }, wait)
    }
    const changes = new EventSource('/api/draft-mode/changes')
    changes.addEventListener('change', rerender)
    changes.addEventListener('restart', rerender)
    return () => {
      clearTimeout(timer)
      changes.close()
    }
  }, [router])

  return <VisualEditing portal history={history} refresh={refresh} />
}
