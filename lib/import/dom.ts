// One jsdom window for the whole run: parsing each article and answer with its DOMParser avoids building a window (~tens of ms, and memory that is never returned) per document.
import { JSDOM } from 'jsdom'

let window: JSDOM['window'] | undefined

export function parseHtmlDocument(html: string): Document {
  window ??= new JSDOM('').window
  return new window.DOMParser().parseFromString(html, 'text/html')
}
