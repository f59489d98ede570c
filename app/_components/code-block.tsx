// A code sample from an answer: shiki's server-highlighted HTML when available, plain preformatted text otherwise,
// with a copy button where the browser runs scripts.
import { CopyButton } from './copy-button.tsx'

export type CodeBlockValue = { code?: unknown; language?: unknown; filename?: unknown; html?: unknown }

export function CodeBlock({ value }: { value: CodeBlockValue }) {
  const code = typeof value.code === 'string' ? value.code : ''
  const filename = typeof value.filename === 'string' && value.filename ? value.filename : undefined
  const language = typeof value.language === 'string' && value.language ? value.language : undefined
  return (
    <figure className="code-block">
      <figcaption className="code-block__caption">
        {filename && <span className="code-block__filename">{filename}</span>}
        {language && <span className="code-block__language">{language}</span>}
        <CopyButton label="Copy code" />
      </figcaption>
      {typeof value.html === 'string' ? (
        // The HTML comes from shiki on our server, which escapes the code it was given.
        <div className="code-block__body" dangerouslySetInnerHTML={{ __html: value.html }} />
      ) : (
        <pre className="code-block__body" tabIndex={0}>
          <code>{code}</code>
        </pre>
      )}
    </figure>
  )
}
