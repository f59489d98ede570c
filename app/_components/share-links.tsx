// Sharing an interview: plain links to LinkedIn, X and email (no script, no third-party code on the page), and a copy
// button for the link where the browser runs scripts.
import { CopyButton } from './copy-button.tsx'

export function ShareLinks({ url, title }: { url: string; title: string }) {
  const link = encodeURIComponent(url)
  const targets = [
    { name: 'LinkedIn', href: `https://www.linkedin.com/sharing/share-offsite/?url=${link}` },
    { name: 'X', href: `https://x.com/intent/post?url=${link}&text=${encodeURIComponent(title)}` },
    { name: 'Email', href: `mailto:?subject=${encodeURIComponent(title)}&body=${link}` },
  ]
  return (
    <nav className="share" aria-label="Share this interview">
      <span className="share__label">Share</span>
      <ul className="share__links">
        {targets.map((target) => (
          <li key={target.name}>
            <a
              href={target.href}
              {...(target.name === 'Email' ? {} : { target: '_blank', rel: 'noopener noreferrer' })}
            >
              {target.name}
            </a>
          </li>
        ))}
        <li>
          <CopyButton label="Copy link" text={url} />
        </li>
      </ul>
    </nav>
  )
}
