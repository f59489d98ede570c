// Which document actions each type gets: previews for interviews, no duplicate/delete for the settings singleton.
import type {DocumentActionsResolver} from 'sanity'
import {singletonTypes} from '../../schemas/index.ts'
import {OpenPreviewAction} from './openPreview.tsx'

const singletonActions = new Set(['publish', 'discardChanges', 'restore'])

export const documentActions: DocumentActionsResolver = (previous, context) => {
  if (singletonTypes.has(context.schemaType)) return previous.filter((action) => action.action && singletonActions.has(action.action))
  if (context.schemaType === 'interview') return [...previous, OpenPreviewAction]
  return previous
}
