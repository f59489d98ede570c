'use client'
// Draft mode's editing tools, as the layout renders them for an editor in draft mode. Only this stub is part of the
// layout's code; the tools themselves (overlays, refresh, instant edits: ./editing-tools.tsx) are a chunk of their own
// that the browser fetches when an editor's page renders this, so readers download none of it.
import { lazy, Suspense } from 'react'

const EditingTools = lazy(() => import('./editing-tools.tsx'))

export function VisualEditingTools() {
  return (
    <Suspense>
      <EditingTools />
    </Suspense>
  )
}
