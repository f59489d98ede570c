// Sofia Marchetti on making threat modelling a twenty-minute habit in every design review.
import type { InterviewSource } from '../types.ts'

export const interview: InterviewSource = {
  slug: 'threat-modelling-as-a-habit',
  title: 'Threat modelling as a habit, not a meeting',
  standfirst:
    'Security Engineer Sofia Marchetti replaced Fernhill’s two-hour security reviews with four questions that every team asks in twenty minutes. She explains the questions, and why secrets never reach a laptop.',
  speaker: 'sofia-marchetti',
  interviewer: 'jonah-reyes',
  topics: ['security', 'engineering-culture'],
  publishedAt: '2026-11-03T08:00:00.000Z',
  cover: {
    from: '#2d0f24',
    to: '#c77dff',
    motif: 'rings',
    alt: 'Abstract cover: purple rings spreading across a plum to lilac gradient',
  },
  diagrams: {
    questions: {
      alt: 'Diagram: four questions in order — what are we building, what can go wrong, what will we do about it, did we do a good job',
      caption: 'The four questions, asked in every design review.',
      steps: ['What are we building?', 'What can go wrong?', 'What will we do?', 'Did it work?'],
      colour: '#c77dff',
    },
  },
  qa: [
    {
      question: 'What was wrong with the old security reviews?',
      answer: `They happened too late and took too long. A team would finish a design, book two hours with security, and learn about a problem when changing course was expensive. So teams booked the review as late as possible, which made it worse.`,
    },
    {
      question: 'What replaced them?',
      answer: `Four questions, asked by the team itself at the end of every design review. They come from the long tradition of threat modelling; we just made them small enough to fit into a normal meeting.

![questions]

### The four questions

1. What are we building? A diagram with the data flows and trust boundaries.
2. What can go wrong? Five minutes of brainstorming, with a prompt card for the usual suspects.
3. What are we going to do about it? Each risk gets an owner or an explicit “we accept this”.
4. Did we do a good job? We revisit the model when the feature ships.

Security joins when the team asks, or when the answers touch payments, personal data or authentication.`,
    },
    {
      question: 'How do teams know what can go wrong if they are not security experts?',
      answer: `The prompt card helps. It lists the questions that find most of our real issues:

- Who can call this, and how do we know who they are?
- What happens if this input is ten thousand times larger than expected?
- Where does this secret live, and who can read it?
- What would we see in the logs if someone abused this?

> Most vulnerabilities are not exotic. They are an honest question nobody had time to ask.`,
    },
    {
      question: 'You mentioned secrets. What is the rule?',
      answer: `Secrets never reach a laptop or a client bundle. Services read them at runtime from the secret manager with their own identity, and local development uses separate, harmless credentials.

\`\`\`shell
# Local development: a throwaway token that only works against the local stack
export TRACKING_API_TOKEN=local-only-not-a-secret
\`\`\`

We scan every pull request and every built artefact for anything that looks like a production credential, and the build fails if one turns up. It has caught four real mistakes this year, each within minutes.`,
    },
    {
      question: 'How do you know it is working?',
      answer: `We count two things. The share of design reviews that include the four questions is above 90% now. And the share of security findings discovered *before* code review — by the team, during design — went from about one in ten to more than half.

The second number matters more. It means teams are finding their own problems early, when they are cheap.`,
    },
  ],
}
