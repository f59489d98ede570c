// Kenji Watanabe on Tern, Fernhill's design system, owned jointly by designers and engineers.
import type { InterviewSource } from '../types.ts'

export const interview: InterviewSource = {
  slug: 'a-design-system-both-sides-own',
  title: 'A design system that designers and engineers both own',
  standfirst:
    'Tern, Fernhill’s design system, has one backlog, one review process and one set of tokens for designers and engineers. Frontend Lead Kenji Watanabe explains why that took two rewrites.',
  speaker: 'kenji-watanabe',
  interviewer: 'jonah-reyes',
  topics: ['frontend', 'developer-experience', 'engineering-culture'],
  publishedAt: '2026-10-20T08:00:00.000Z',
  cover: {
    from: '#14213d',
    to: '#48cae4',
    motif: 'stripes',
    alt: 'Abstract cover: diagonal cyan stripes over a midnight blue gradient',
  },
  callToAction: { label: 'Browse Tern’s components', url: 'https://tern.fernhill.example' },
  diagrams: {
    tokens: {
      alt: 'Diagram: design tokens flow from one source file to the design tool, the web components and the mobile theme',
      caption: 'One token file, three consumers. A colour changes in one pull request.',
      steps: ['tokens.json', 'Design tool', 'Web components', 'Mobile theme'],
      colour: '#48cae4',
    },
  },
  qa: [
    {
      question: 'Why did Tern need two rewrites?',
      answer: `The first version was an engineering project: a React component library that designers were told about. The second was a design project: a beautiful Figma library that engineers re-implemented by eye. Both drifted within months.

The third version started from a different question — *who owns a button?* — and the answer was “both teams, in the same place”.`,
    },
    {
      question: 'What does “the same place” mean in practice?',
      answer: `It starts with tokens. Colours, spacing, type sizes and radii live in one JSON file in the repository. A build step turns them into CSS custom properties, a theme for the mobile apps and variables in the design tool.

![tokens]

\`\`\`json tokens/color.json
{
  "color": {
    "surface": {"value": "#ffffff"},
    "accent": {"value": "#1f6feb"},
    "danger": {"value": "#d1242f"}
  }
}
\`\`\`

When a designer wants a new accent colour, they open a pull request against that file. An engineer reviews it like any other change.`,
    },
    {
      question: 'Do designers really open pull requests?',
      answer: `Some do, happily. Others pair with an engineer for their first few. We made it easier in three ways:

- a web editor for tokens that opens the pull request for you;
- visual snapshots on every pull request, so reviewers see the change instead of reading hex codes;
- a rule that design review and code review happen on the same pull request.

> The moment a designer saw their change in the preview deployment before anyone merged it, the argument was over.`,
    },
    {
      question: 'How do you keep components accessible?',
      answer: `### Accessibility is a test, not a review comment

Every component has automated checks for roles, names, contrast and keyboard focus, and they run in CI. A component that fails cannot be released.

Automated checks catch maybe a third of real problems, so we also run a quarterly session with screen-reader users on our most-used flows. The findings go straight into the same backlog as everything else.`,
    },
    {
      question: 'What would you do differently if you started again?',
      answer: `Start with tokens and three components — button, text input, and the layout stack — and nothing else for a quarter. We tried to ship forty components at once in the first version and maintained none of them well.

And give the design system a product manager. A design system is a product whose users happen to be your colleagues.`,
    },
  ],
}
