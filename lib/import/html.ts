// Converts an answer's HTML into Portable Text with @portabletext/block-tools, keeping sub-headings, lists, links, quotes, images and code.
import { existsSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  htmlToBlocks,
  type ArbitraryTypedObject,
  type DeserializerRule,
  type PortableTextBlock,
} from '@portabletext/block-tools'
import { codeLanguageFor } from './code-language.ts'
import { parseHtmlDocument } from './dom.ts'
import { answerSchema } from './rich-text-schema.ts'

export type AnswerConversion = {
  /** Directory that relative image paths are resolved against (the article file's folder). */
  baseDir: string
  keyGenerator: () => string
  warn: (message: string) => void
}

/**
 * The answer's blocks in Sanity's shape. Images found next to the article carry `_sanityAsset: "image@file://…"`
 * (the notation of Sanity's export format) until they are uploaded; remote images are dropped with a warning.
 */
export function answerToPortableText(elements: Element[], conversion: AnswerConversion): PortableTextBlock[] {
  const html = elements.map((element) => element.outerHTML).join('\n')
  return htmlToBlocks(html, answerSchema, {
    parseHtml: (source) => withSubHeadingsAsH3(parseHtmlDocument(source)),
    keyGenerator: conversion.keyGenerator,
    rules: [figureRule(conversion), imageRule(conversion), codeBlockRule()],
  })
}

/** Inside an answer every heading is a sub-heading, and the content model has exactly one sub-heading style. */
function withSubHeadingsAsH3(document: Document): Document {
  for (const heading of [...document.querySelectorAll('h1, h2, h4, h5, h6')]) {
    const h3 = document.createElement('h3')
    h3.append(...heading.childNodes)
    heading.replaceWith(h3)
  }
  return document
}

const tagOf = (node: Node) => (node.nodeType === 1 ? (node as Element).tagName.toLowerCase() : '')

function figureRule(conversion: AnswerConversion): DeserializerRule {
  return {
    deserialize(node, _next, createBlock) {
      if (tagOf(node) !== 'figure') return undefined
      const figure = node as Element
      const image = figure.querySelector('img')
      const caption = figure.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim() || undefined
      if (!image) return []
      const object = imageObject(image, caption, conversion)
      return object ? createBlock(object) : []
    },
  }
}

function imageRule(conversion: AnswerConversion): DeserializerRule {
  return {
    deserialize(node, _next, createBlock) {
      if (tagOf(node) !== 'img') return undefined
      const image = node as Element
      const object = imageObject(image, image.getAttribute('title') ?? undefined, conversion)
      return object ? createBlock(object) : []
    },
  }
}

function imageObject(
  image: Element,
  caption: string | undefined,
  conversion: AnswerConversion,
): ArbitraryTypedObject | undefined {
  const src = image.getAttribute('src')?.trim() ?? ''
  const file = localImageFile(src, conversion.baseDir)
  if (!file) {
    const reason =
      src === ''
        ? 'it has no src'
        : /^(https?:)?\/\//i.test(src)
          ? 'it is remote (download it next to the article and reference it by a relative path to import it)'
          : `no such file next to the article`
    conversion.warn(`image dropped: ${src || '(empty)'} — ${reason}`)
    return undefined
  }
  const alt = image.getAttribute('alt')?.trim() || caption || ''
  if (alt === '')
    conversion.warn(`image ${src} has no alt text or caption: add alt text in the Studio before publishing`)
  return {
    _type: 'image',
    _key: conversion.keyGenerator(),
    _sanityAsset: `image@file://${file}`,
    alt,
    ...(caption ? { caption } : {}),
  }
}

/** A relative path or file: URL that names an existing file; anything on the network cannot be fetched offline. */
function localImageFile(src: string, baseDir: string): string | undefined {
  if (src === '' || /^(https?:|data:)?\/\//i.test(src) || src.startsWith('data:')) return undefined
  let file: string
  try {
    file = src.startsWith('file:') ? fileURLToPath(src) : resolve(baseDir, decodeURIComponent(src.split(/[?#]/)[0]!))
  } catch {
    return undefined
  }
  return existsSync(file) && statSync(file).isFile() ? file : undefined
}

function codeBlockRule(): DeserializerRule {
  return {
    deserialize(node, _next, createBlock) {
      if (tagOf(node) !== 'pre') return undefined
      const pre = node as Element
      const language = languageOf(pre) ?? languageOf(pre.querySelector('code'))
      // Medium writes line breaks in <pre> as <br>; textContent alone would run the lines together.
      const copy = pre.cloneNode(true) as Element
      for (const br of [...copy.querySelectorAll('br')]) br.replaceWith('\n')
      const code = (copy.textContent ?? '').replace(/\n+$/, '')
      return createBlock({ _type: 'codeBlock', language: codeLanguageFor(language), code })
    },
  }
}

function languageOf(element: Element | null): string | undefined {
  if (!element) return undefined
  const fromClass = /(?:^|\s)(?:language|lang)-([\w+#-]+)/.exec(element.getAttribute('class') ?? '')?.[1]
  return fromClass ?? element.getAttribute('data-lang') ?? element.getAttribute('lang') ?? undefined
}
