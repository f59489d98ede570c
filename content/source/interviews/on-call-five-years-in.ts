// Grace Adeyemi on five years of on-call at Fernhill: what changed, what didn't, and how to write an incident review.
import type { InterviewSource } from '../types.ts'

export const interview: InterviewSource = {
  slug: 'on-call-five-years-in',
  title: 'On call, five years in',
  standfirst:
    'Grace Adeyemi carried Fernhill’s first pager. Five years later she coaches every new on-call engineer. She talks about alert fatigue, blameless reviews and the one question every runbook should answer.',
  speaker: 'grace-adeyemi',
  interviewer: 'jonah-reyes',
  topics: ['reliability', 'engineering-culture'],
  series: { slug: 'lessons-from-production', part: 1 },
  publishedAt: '2026-08-25T08:00:00.000Z',
  cover: {
    from: '#1b2a41',
    to: '#e94f64',
    motif: 'blocks',
    alt: 'Abstract cover: stacked navy and red blocks on a dark gradient',
  },
  seo: {
    title: 'On call, five years in — Grace Adeyemi',
    description:
      'Five years of on-call at Fernhill: fewer alerts, better reviews and runbooks that start with the right question.',
  },
  diagrams: {
    incident: {
      alt: 'Diagram: an incident moves through detect, mitigate, understand and follow up',
      caption: 'Mitigate before you understand. The review is where understanding happens.',
      steps: ['Detect', 'Mitigate', 'Understand', 'Follow up'],
      colour: '#e94f64',
    },
  },
  qa: [
    {
      question: 'What was on-call like in the beginning?',
      answer: `Loud. We had around 400 alerts a week for a team of six, and most of them were not actionable: disks at 80%, a single failed health check, a batch job that finished late but fine. People slept with their phones on their chests.

The first thing we did was delete alerts. Not tune them — delete them.`,
    },
    {
      question: 'How did you decide which alerts to delete?',
      answer: `We asked one question of every alert: *if this fires at 3 a.m., what will the person do?* If the answer was “look at it and go back to sleep”, it was gone.

### What survived

- alerts on symptoms customers feel: tracking pages failing, deliveries not being recorded;
- alerts on things that will become customer-visible within the hour, like queue lag;
- nothing else pages a human. Everything else goes to a ticket queue that we review on weekdays.

We went from about 400 pages a week to about 12.`,
    },
    {
      question: 'What does a good incident review look like?',
      answer: `It is written for the engineer who joins next year. It tells the story in order, says what people knew *at the time*, and it never contains the word “should have”.

![incident]

> An incident review that names a person has already failed. The system let a reasonable person make that choice.

We end every review with at most three follow-ups, each with an owner and a date. A review with fifteen actions is a review where nothing happens.`,
    },
    {
      question: 'How do you prepare someone for their first shift?',
      answer: `They shadow two shifts, then they lead one with an experienced engineer shadowing them. Before any of that, they run a game day: we break a staging system and they fix it, with the runbooks and nothing else.

1. If the runbook was not enough, the runbook gets fixed — not the engineer.
2. Every runbook starts with “how would we know this is broken?” and “what is safe to try first?”.
3. New engineers get the quiet week of the rotation for their first solo shift.`,
    },
    {
      question: 'Five years in, what still surprises you?',
      answer: `How much of reliability is writing. Clear alerts, clear runbooks, clear reviews. The systems got better mostly because the words around them got better.

And people still apologise when they page me. I tell every one of them the same thing: paging me is the system working.`,
    },
  ],
}
