// Draft mode only: a few lines of inline script that re-fetch the page every few seconds and reload it when the
// editor's changes have altered it. Inline on purpose: a client component would be bundled into the chunk every
// reader downloads, and readers must load no preview code at all.

const script = `(() => {
  let last
  setInterval(async () => {
    if (document.visibilityState !== 'visible') return
    try {
      const html = await (await fetch(location.href, { cache: 'no-store' })).text()
      const main = new DOMParser().parseFromString(html, 'text/html').querySelector('main')?.innerHTML
      if (last !== undefined && main !== last) location.reload()
      last = main
    } catch {}
  }, 3000)
})()`

export function DraftRefresh() {
  return <script id="parley-draft-refresh" dangerouslySetInnerHTML={{ __html: script }} />
}
