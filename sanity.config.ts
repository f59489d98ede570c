// The Studio: Parley's content model and editing tools, pointed at the lake that serves it (or at hosted Sanity, by build-time configuration).
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'
import {schemaTypes, singletonTypes} from './schemas/index.ts'
import {documentActions} from './studio/actions/index.ts'
import {lakeAuth} from './studio/auth.ts'
import {backend, dataset, projectId} from './studio/environment.ts'
import {lakeClientFactory} from './studio/lakeClient.ts'
import {structure} from './studio/structure.ts'

const lakeOptions =
  backend.kind === 'lake'
    ? {apiHost: backend.apiHost, unstable_clientFactory: lakeClientFactory(backend.apiHost), auth: lakeAuth(backend.apiHost)}
    : {}

export default defineConfig({
  name: 'parley',
  title: 'Parley',
  projectId,
  dataset,
  basePath: '/studio',
  ...lakeOptions,
  plugins: [structureTool({structure, title: 'Content'})],
  schema: {
    types: schemaTypes,
    // The settings singleton is opened from the structure, never created from "New document".
    templates: (templates) => templates.filter((template) => !singletonTypes.has(template.schemaType)),
  },
  document: {
    actions: documentActions,
    newDocumentOptions: (previous) => previous.filter((item) => !singletonTypes.has(item.templateId)),
  },
})
