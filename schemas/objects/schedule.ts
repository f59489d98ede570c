// When a draft interview is due to go live, and who asked: kept on the draft so the scheduler can publish it after any restart.
import { defineField, defineType } from '@sanity/types'
import { CalendarIcon } from '@sanity/icons/Calendar'

// Written by the Schedule action and the scheduler, not typed by hand: read-only in the form.
export const schedule = defineType({
  name: 'schedule',
  title: 'Schedule',
  type: 'object',
  icon: CalendarIcon,
  readOnly: true,
  fields: [
    defineField({ name: 'publishAt', title: 'Publish at', type: 'datetime' }),
    defineField({ name: 'scheduledBy', title: 'Scheduled by', type: 'string' }),
    defineField({ name: 'scheduledAt', title: 'Scheduled at', type: 'datetime' }),
    defineField({
      name: 'status',
      title: 'Status',
      type: 'string',
      options: {
        list: [
          { title: 'Scheduled', value: 'scheduled' },
          { title: 'Failed', value: 'failed' },
        ],
      },
    }),
    defineField({ name: 'error', title: 'Why publishing failed', type: 'string' }),
  ],
})
