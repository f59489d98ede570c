// The heart of an interview: each question a heading that links to itself, each answer its rich text.
import type { QaBlock } from '../../lib/content/schemas.ts'
import { questionAnchors } from '../../lib/content/anchors.ts'
import { RichText } from './rich-text.tsx'

export function QuestionsAndAnswers({ qa }: { qa: QaBlock[] }) {
  const anchors = questionAnchors(qa.map((block) => block.question))
  return (
    <div className="qa">
      {qa.map((block, index) => (
        <section key={block._key} className="qa__block" aria-labelledby={anchors[index]}>
          <h2 id={anchors[index]} className="qa__question">
            <a className="qa__anchor" href={`#${anchors[index]}`}>
              {block.question}
            </a>
          </h2>
          <div className="qa__answer">
            <RichText value={block.answer} />
          </div>
        </section>
      ))}
    </div>
  )
}

/** The table of contents: the questions in order, linked to their headings. */
export function QuestionContents({ qa }: { qa: QaBlock[] }) {
  const anchors = questionAnchors(qa.map((block) => block.question))
  return (
    <nav className="toc" aria-label="Questions in this interview">
      <h2 className="toc__title">In this interview</h2>
      <ol>
        {qa.map((block, index) => (
          <li key={block._key}>
            <a href={`#${anchors[index]}`}>{block.question}</a>
          </li>
        ))}
      </ol>
    </nav>
  )
}
