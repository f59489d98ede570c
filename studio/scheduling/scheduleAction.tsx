// "Schedule" and "Unschedule" on interviews: marketing picks a future moment; the scheduler (lib/scheduling) publishes the draft then.
import { CalendarIcon } from '@sanity/icons/Calendar'
import { CloseCircleIcon } from '@sanity/icons/CloseCircle'
import { Button, Card, Stack, Text, TextInput } from '@sanity/ui'
import { useState } from 'react'
import { useCurrentUser, useDocumentOperation, type DocumentActionComponent } from 'sanity'

type Scheduled = { schedule?: { publishAt?: string; status?: string; error?: string } }

const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone

/** `datetime-local` values are wall-clock times in the browser's zone; Date reads them the same way. */
function toLocalInputValue(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

// dateStyle/timeStyle cannot be combined with timeZoneName (a RangeError), so the parts are named one by one.
export function formatInZone(iso: string): string {
  return new Intl.DateTimeFormat(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso))
}

export const ScheduleAction: DocumentActionComponent = (props) => {
  const { patch } = useDocumentOperation(props.id, props.type)
  const user = useCurrentUser()
  const [open, setOpen] = useState(false)
  const [value, setValue] = useState(() => toLocalInputValue(new Date(Date.now() + 60 * 60 * 1000)))
  const schedule = (props.draft as Scheduled | null)?.schedule
  const chosen = new Date(value)
  const problem = Number.isNaN(chosen.getTime())
    ? 'Choose a date and a time.'
    : chosen.getTime() <= Date.now()
      ? 'Choose a moment in the future.'
      : null

  const confirm = () => {
    if (problem) return
    patch.execute([
      {
        set: {
          schedule: {
            _type: 'schedule',
            publishAt: chosen.toISOString(),
            scheduledBy: user?.name || user?.email || user?.id || 'an editor',
            scheduledAt: new Date().toISOString(),
            status: 'scheduled',
          },
        },
      },
    ])
    setOpen(false)
    props.onComplete()
  }

  const failed = schedule?.status === 'failed'
  // Menu items show a title only when disabled, so a failure is also named in the label and the dialog.
  return {
    label: failed ? 'Schedule failed: reschedule…' : schedule?.publishAt ? 'Reschedule…' : 'Schedule…',
    icon: CalendarIcon,
    tone: failed ? 'critical' : undefined,
    disabled: !props.draft,
    title: !props.draft
      ? 'Nothing to schedule: make a change first, then schedule the draft to go live'
      : failed
        ? `The last scheduled publish failed: ${schedule?.error ?? 'see the Schedule field'}`
        : schedule?.publishAt
          ? `Goes live ${formatInZone(schedule.publishAt)}`
          : 'Publish this draft automatically at a set time',
    onHandle: () => setOpen(true),
    dialog: open && {
      type: 'dialog',
      header: 'Schedule publishing',
      onClose: () => setOpen(false),
      content: (
        <Stack gap={4}>
          {failed && (
            <Card tone="critical" padding={3} radius={2} border>
              <Text size={1}>
                The last scheduled publish failed: {schedule?.error ?? 'no reason was recorded'}. Fix the draft, then
                schedule it again.
              </Text>
            </Card>
          )}
          <Text size={1}>The draft goes live everywhere at this moment, never before. Time zone: {timeZone}.</Text>
          <TextInput
            type="datetime-local"
            aria-label="Publish at"
            value={value}
            min={toLocalInputValue(new Date())}
            onChange={(event) => setValue(event.currentTarget.value)}
          />
          {problem ? (
            <Text size={1} muted>
              {problem}
            </Text>
          ) : (
            <Text size={1}>Goes live {formatInZone(chosen.toISOString())}.</Text>
          )}
          <Button text="Schedule" tone="primary" icon={CalendarIcon} disabled={Boolean(problem)} onClick={confirm} />
        </Stack>
      ),
    },
  }
}

export const UnscheduleAction: DocumentActionComponent = (props) => {
  const { patch } = useDocumentOperation(props.id, props.type)
  const schedule = (props.draft as Scheduled | null)?.schedule
  if (!schedule?.publishAt) return null
  return {
    label: 'Unschedule',
    icon: CloseCircleIcon,
    tone: 'critical',
    title: 'Keep the draft, but do not publish it automatically',
    onHandle: () => {
      patch.execute([{ unset: ['schedule'] }])
      props.onComplete()
    },
  }
}
