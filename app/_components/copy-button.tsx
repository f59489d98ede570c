'use client'
// A copy-to-clipboard button: the only script sharing and code samples need (a few hundred bytes). It stays hidden
// until the script runs and the browser offers a clipboard, so a reader without JavaScript never sees a dead button.
import { useEffect, useRef, useState } from 'react'

type Props = {
  label: string
  /** Copy this text (a link); without it, the text of the code sample the button sits in. */
  text?: string
}

export function CopyButton({ label, text }: Props) {
  const button = useRef<HTMLButtonElement>(null)
  const [state, setState] = useState<'unavailable' | 'ready' | 'copied' | 'failed'>('unavailable')
  // After hydration on purpose: the server's HTML and the first render must agree that there is no clipboard yet.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setState(navigator.clipboard ? 'ready' : 'unavailable'), [])

  async function copy() {
    const value = text ?? button.current?.closest('figure')?.querySelector('pre')?.textContent ?? ''
    try {
      await navigator.clipboard.writeText(value)
      setState('copied')
    } catch {
      setState('failed')
    }
    setTimeout(() => setState('ready'), 2500)
  }

  return (
    <>
      <button ref={button} type="button" className="copy-button" hidden={state === 'unavailable'} onClick={copy}>
        {label}
      </button>
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied'
          ? 'Copied to the clipboard'
          : state === 'failed'
            ? 'Could not copy: select and copy by hand'
            : ''}
      </span>
    </>
  )
}
