// The answer's rich text as the HTML converter must produce it: the content model's styles, lists, marks and objects.
import { compileSchema, defineSchema } from '@portabletext/schema'

/**
 * Mirrors the `answer` field of `qaBlock` in schemas/: only what is listed here survives conversion, so a <h2> in an
 * article cannot create a style the Studio would not know (headings are mapped to h3 before conversion).
 */
export const answerSchema = compileSchema(
  defineSchema({
    styles: [{ name: 'normal' }, { name: 'h3' }, { name: 'blockquote' }],
    lists: [{ name: 'bullet' }, { name: 'number' }],
    decorators: [{ name: 'strong' }, { name: 'em' }, { name: 'code' }],
    annotations: [{ name: 'link', fields: [{ name: 'href', type: 'string' }] }],
    blockObjects: [
      {
        name: 'image',
        fields: [
          { name: 'alt', type: 'string' },
          { name: 'caption', type: 'string' },
        ],
      },
      {
        name: 'codeBlock',
        fields: [
          { name: 'language', type: 'string' },
          { name: 'code', type: 'string' },
          { name: 'filename', type: 'string' },
        ],
      },
    ],
  }),
)
