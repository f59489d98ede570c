// Which document actions each type gets: previews and scheduling for interviews, no duplicate/delete for the settings singleton.
import type { DocumentActionsResolver } from 'sanity'
import { singletonTypes } from '../../schemas/index.ts'
import { ScheduleAction, UnscheduleAction } from '../scheduling/scheduleAction.tsx'
import { OpenPreviewAction } from './openPreview.tsx'

const singletonActions = new Set(['publish', 'discardChanges', 'restore'])

export const documentActions: DocumentActionsResolver = (previous, context) => {
  if (singletonTypes.has(context.schemaType))
    return previous.filter((action) => action.action && singletonActions.has(action.action))
  if (context.schemaType === 'interview') return [...previous, ScheduleAction, UnscheduleAction, OpenPreviewAction]
  return previous
}
