// The editorial calendar: a month of published and scheduled interviews, each opening its document.
import { DocumentId, getPublishedId, isDraftId } from '@sanity/id-utils'
import { CalendarIcon } from '@sanity/icons/Calendar'
import { Box, Button, Card, Flex, Grid, Heading, Stack, Text } from '@sanity/ui'
import { useEffect, useMemo, useState } from 'react'
import { definePlugin, useClient } from 'sanity'
import { IntentLink } from 'sanity/router'
import { apiVersion } from '../environment.ts'

type Entry = { id: string; title: string; at: string; state: 'published' | 'scheduled' | 'failed' }

// Raw perspective: schedules live on drafts, which the default perspective would fold away.
const CALENDAR_QUERY = `*[_type == "interview" && (
  (_id in path("drafts.**") && defined(schedule.publishAt)) || (!(_id in path("drafts.**")) && defined(publishedAt))
)]{_id, title, publishedAt, schedule}`

type Row = { _id: string; title?: string; publishedAt?: string; schedule?: { publishAt?: string; status?: string } }

export function calendarEntries(rows: Row[]): Entry[] {
  return rows.flatMap((row): Entry[] => {
    const id = getPublishedId(DocumentId(row._id))
    const title = row.title || 'Untitled interview'
    if (isDraftId(DocumentId(row._id))) {
      const at = row.schedule?.publishAt
      return at ? [{ id, title, at, state: row.schedule?.status === 'failed' ? 'failed' : 'scheduled' }] : []
    }
    return row.publishedAt ? [{ id, title, at: row.publishedAt, state: 'published' }] : []
  })
}

const dayKey = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`
const weekdays = Array.from({ length: 7 }, (_, i) =>
  new Intl.DateTimeFormat(undefined, { weekday: 'short' }).format(new Date(2024, 0, 1 + i)),
)

/** The days shown for a month: whole weeks from Monday, so the grid always starts on a Monday. */
function monthGrid(month: Date): Date[] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1)
  const start = new Date(first)
  start.setDate(1 - ((first.getDay() + 6) % 7))
  const last = new Date(month.getFullYear(), month.getMonth() + 1, 0)
  const days: Date[] = []
  for (const day = new Date(start); day <= last || days.length % 7 !== 0; day.setDate(day.getDate() + 1))
    days.push(new Date(day))
  return days
}

const tones = { published: 'positive', scheduled: 'primary', failed: 'critical' } as const

function EditorialCalendar() {
  const client = useClient({ apiVersion })
  const [month, setMonth] = useState(() => new Date(new Date().getFullYear(), new Date().getMonth(), 1))
  const [entries, setEntries] = useState<Entry[] | null>(null)
  const [error, setError] = useState<string | null>(null)

  useEffect(() => {
    const load = () =>
      client
        .fetch<Row[]>(CALENDAR_QUERY, {}, { perspective: 'raw' })
        .then((rows) => setEntries(calendarEntries(rows)))
        .catch((reason: Error) => setError(reason.message))
    load()
    // Stay current while open: any change to an interview reloads the month.
    const subscription = client
      .listen('*[_type == "interview"]', {}, { includeResult: false, visibility: 'query' })
      .subscribe({ next: load })
    return () => subscription.unsubscribe()
  }, [client])

  const byDay = useMemo(() => {
    const map = new Map<string, Entry[]>()
    for (const entry of entries ?? []) {
      const key = dayKey(new Date(entry.at))
      map.set(
        key,
        [...(map.get(key) ?? []), entry].sort((a, b) => a.at.localeCompare(b.at)),
      )
    }
    return map
  }, [entries])

  const title = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(month)
  const shift = (by: number) => setMonth(new Date(month.getFullYear(), month.getMonth() + by, 1))

  return (
    <Box padding={4} overflow="auto" height="fill">
      <Stack gap={4}>
        <Flex align="center" gap={2}>
          <Heading as="h1" size={2} style={{ flex: 1 }}>
            {title}
          </Heading>
          <Button mode="ghost" text="Previous month" onClick={() => shift(-1)} />
          <Button
            mode="ghost"
            text="Today"
            onClick={() => setMonth(new Date(new Date().getFullYear(), new Date().getMonth(), 1))}
          />
          <Button mode="ghost" text="Next month" onClick={() => shift(1)} />
        </Flex>
        {error && (
          <Card tone="critical" padding={3}>
            <Text>Could not load the calendar: {error}</Text>
          </Card>
        )}
        <Grid gridTemplateColumns={7} gap={1} role="grid" aria-label={`Interviews in ${title}`}>
          {weekdays.map((name) => (
            <Text key={name} size={1} weight="semibold" align="center">
              {name}
            </Text>
          ))}
          {monthGrid(month).map((day) => (
            <Card
              key={dayKey(day)}
              padding={2}
              border
              radius={2}
              tone={day.getMonth() === month.getMonth() ? 'default' : 'transparent'}
              style={{ minHeight: 96 }}
            >
              <Stack gap={2}>
                <Text size={1} muted>
                  {day.getDate()}
                </Text>
                {(byDay.get(dayKey(day)) ?? []).map((entry) => (
                  <Card
                    key={`${entry.state}-${entry.id}`}
                    tone={tones[entry.state]}
                    padding={2}
                    radius={2}
                    data-state={entry.state}
                  >
                    <IntentLink
                      intent="edit"
                      params={{ id: entry.id, type: 'interview' }}
                      style={{ color: 'inherit', textDecoration: 'none' }}
                    >
                      <Text size={1} textOverflow="ellipsis">
                        {new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(new Date(entry.at))}{' '}
                        {entry.title}
                        {entry.state === 'published' ? '' : entry.state === 'failed' ? ' (failed)' : ' (scheduled)'}
                      </Text>
                    </IntentLink>
                  </Card>
                ))}
              </Stack>
            </Card>
          ))}
        </Grid>
      </Stack>
    </Box>
  )
}

export const editorialCalendar = definePlugin({
  name: 'parley-editorial-calendar',
  tools: [{ name: 'calendar', title: 'Calendar', icon: CalendarIcon, component: EditorialCalendar }],
})
