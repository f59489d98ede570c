// The answer to an unknown slug in a dynamic route: the 404 page in the server HTML, with status 404.
import { notFound } from 'next/navigation'
import { Suspense } from 'react'
import NotFound from '../not-found.tsx'

// A notFound() thrown by the page itself escapes to the HTML shell (error boundaries do not run on the server), and
// Next 16.4's error recovery then sends an empty `<html id="__next_error__">` that only the browser fills in.
// Thrown inside a Suspense boundary it instead sets the status to 404 and keeps everything rendered outside the
// boundary, so the 404 page goes there; in the browser the same notFound() then swaps the segment for
// app/not-found.tsx, which is the same page.
function SignalNotFound(): never {
  notFound()
}

export function NotFoundAnswer() {
  return (
    <>
      <NotFound />
      <Suspense fallback={null}>
        <SignalNotFound />
      </Suspense>
    </>
  )
}
