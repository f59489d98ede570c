// The editor's tools in draft mode, loaded on demand by ./visual-editing.tsx: click-to-edit overlays on the
// stega-encoded text (`@sanity/visual-editing`), each edit shown on the page as it is typed, and a re-render of the
// page from the content API once the Studio has saved it.
import { useEffect, useMemo, useRef, startTransition } from 'react'
import { usePathname, useRouter, useSearchParams } from 'next/navigation'
import { getPublishedId, studioPath } from '@sanity/client/csm'
import {
  emptyActor,
  useOptimisticActor,
  VisualEditing,
  type HistoryAdapter,
  type HistoryAdapterNavigate,
  type MutatorActor,
  type VisualEditingOptions,
} from '@sanity/visual-editing/react'
import { decodeSanityNodeData } from '@sanity/visual-editing-csm'
import { vercelStegaDecode, vercelStegaSplit } from '@vercel/stega'

/** How often a page opened outside the Presentation tool (a plain tab in draft mode) looks for new drafts. */
const standaloneRefreshMs = 3000

/**
 * The Studio saves an editor's typing at most once a second, so a re-render from the content API trails it by a
 * second or more. The Presentation tool also sends the document as the editor has it, at every keystroke: each text
 * on the page that stega names as one of that document's string fields shows its new value at once (the same text
 * the next render brings, so React finds nothing to undo).
 */
function showLocalEdit(documentId: string, document: unknown) {
  const walker = window.document.createTreeWalker(window.document.body, NodeFilter.SHOW_TEXT)
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node as Text
    const { cleaned, encoded } = vercelStegaSplit(text.data)
    if (!encoded) continue
    const source = decodeSanityNodeData(vercelStegaDecode(encoded) ?? '')
    if (!source || !('id' in source) || getPublishedId(source.id) !== documentId) continue
    const value = studioPath.get(document, source.path)
    if (typeof value === 'string' && value !== cleaned) text.data = `${value}${encoded}`
  }
}

function LocalEdits() {
  const actor = useOptimisticActor()
  useEffect(() => {
    if (actor === emptyActor) return
    const subscription = (actor as MutatorActor).on('rebased.local', (event) =>
      showLocalEdit(getPublishedId(event.id), event.document),
    )
    return () => subscription.unsubscribe()
  }, [actor])
  return null
}

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

  // Draft reads are never cached, so re-rendering the server components shows the content as saved now. On an edit
  // the Presentation tool calls this at once and, as the returned promise settles, once more a second later, after
  // the Studio's next save; its refresh button calls it too.
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

  return (
    <>
      <VisualEditing portal history={history} refresh={refresh} />
      <LocalEdits />
    </>
  )
}
