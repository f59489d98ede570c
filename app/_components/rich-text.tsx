// Renders an answer's Portable Text as semantic HTML on the server: sub-headings, lists, pull quotes, links, images, code.
import { PortableText, type PortableTextComponents } from '@portabletext/react'
import type { PortableTextItem } from '../../lib/content/schemas.ts'
import { imageSchema } from '../../lib/content/schemas.ts'
import { CodeBlock, type CodeBlockValue } from './code-block.tsx'
import { SanityImage } from './sanity-image.tsx'
import { safeHref } from '../../lib/content/safe-href.ts'

const components: PortableTextComponents = {
  block: {
    normal: ({ children }) => <p>{children}</p>,
    h3: ({ children }) => <h3>{children}</h3>,
    blockquote: ({ children }) => (
      <blockquote className="pull-quote">
        <p>{children}</p>
      </blockquote>
    ),
  },
  list: {
    bullet: ({ children }) => <ul>{children}</ul>,
    number: ({ children }) => <ol>{children}</ol>,
  },
  marks: {
    strong: ({ children }) => <strong>{children}</strong>,
    em: ({ children }) => <em>{children}</em>,
    code: ({ children }) => <code>{children}</code>,
    link: ({ value, children }) => {
      const href = safeHref((value as { href?: unknown } | undefined)?.href)
      if (!href) return <>{children}</>
      const external = /^https?:/.test(href)
      return (
        <a href={href} {...(external ? { rel: 'noopener noreferrer' } : {})}>
          {children}
        </a>
      )
    },
  },
  types: {
    image: ({ value }) => {
      const parsed = imageSchema.safeParse(value)
      if (!parsed.success) return null
      const image = parsed.data
      return (
        <figure className="figure">
          <SanityImage image={image} sizes="(min-width: 760px) 680px, 100vw" maxWidth={760} className="figure__image" />
          {image.caption && <figcaption>{image.caption}</figcaption>}
        </figure>
      )
    },
    codeBlock: ({ value }) => <CodeBlock value={value as CodeBlockValue} />,
  },
  // Content from a newer schema than this site knows is skipped quietly rather than shown as an error to readers.
  unknownType: () => null,
  unknownBlockStyle: ({ children }) => <p>{children}</p>,
}

export function RichText({ value }: { value: PortableTextItem[] }) {
  return <PortableText value={value as never} components={components} onMissingComponent={false} />
}
