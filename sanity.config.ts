// The Studio: Parley's content model and editing tools, pointed at the lake that serves it (or at hosted Sanity, by build-time configuration).
import { defineConfig } from 'sanity'
import { structureTool } from 'sanity/structure'
import { schemaTypes, singletonTypes } from './schemas/index.ts'
import { documentActions } from './studio/actions/index.ts'
import { lakeAuth } from './studio/auth.ts'
import { backend, dataset, projectId } from './studio/environment.ts'
import { lakeClientFactory } from './studio/lakeClient.ts'
import { newsletterTool } from './studio/newsletter/newsletterTool.tsx'
import { presentation } from './studio/presentation.ts'
import { editorialCalendar } from './studio/scheduling/calendarTool.tsx'
import { structure } from './studio/structure.ts'

// Features that live in Sanity's hosted services (tasks and comments in an add-on dataset, announcements)
// have no counterpart in the lake; off there, Sanity's defaults otherwise. Content Releases work on both.
const lakeOptions =
  backend.kind === 'lake'
    ? {
        apiHost: backend.apiHost,
        unstable_clientFactory: lakeClientFactory(backend.apiHost),
        auth: lakeAuth(backend.apiHost),
        tasks: { enabled: false },
        announcements: { enabled: false },
      }
    : {}

export default defineConfig({
  name: 'parley',
  title: 'Parley',
  projectId,
  dataset,
  // No workspace basePath: the Studio's base path (/studio) is set once, in sanity.cli.ts.
  ...lakeOptions,
  // Parley schedules through its own scheduler (lib/scheduling), on every plan and on the lake.
  scheduledPublishing: { enabled: false },
  scheduledDrafts: { enabled: false },
  plugins: [structureTool({ structure, title: 'Content' }), presentation(), editorialCalendar(), newsletterTool()],
  schema: {
    types: schemaTypes,
    // The settings singleton is opened from the structure, never created from "New document".
    templates: (templates) => templates.filter((template) => !singletonTypes.has(template.schemaType)),
  },
  document: {
    actions: documentActions,
    newDocumentOptions: (previous) => previous.filter((item) => !singletonTypes.has(item.templateId)),
    ...(backend.kind === 'lake' ? { comments: { enabled: false } } : {}),
  },
})
