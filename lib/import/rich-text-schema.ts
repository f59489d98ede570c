// The answer's rich text as the HTML converter must produce it: the content model's own styles, lists, marks and objects.
import { sanitySchemaDefinitionToPortableTextSchema } from '@portabletext/sanity-bridge'
import { codeBlock } from '../../schemas/objects/codeBlock.ts'
import { richText } from '../../schemas/objects/richText.ts'

/**
 * Derived from `richText` in schemas/ without compiling the Studio's schema: only what it lists survives conversion,
 * so a <h2> in an article cannot create a style the Studio would not know (headings are mapped to h3 before conversion).
 */
export const answerSchema = sanitySchemaDefinitionToPortableTextSchema(richText, { types: [codeBlock] })
