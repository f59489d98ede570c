// The importer's answer schema and code languages, derived from schemas/, convert as the compiled content model does.
import { expect, test } from '@jest/globals'
import { htmlToBlocks } from '@portabletext/block-tools'
import { JSDOM } from 'jsdom'
import { createSchema } from 'sanity'
import { schemaTypes } from '../../schemas/index.ts'
import { CODE_LANGUAGE_ALIASES, CODE_LANGUAGES, codeLanguageFor } from '../../lib/import/code-language.ts'
import { answerSchema } from '../../lib/import/rich-text-schema.ts'

const contentModel = createSchema({ name: 'parley', types: schemaTypes })

// Every style, list, decorator and annotation an article can carry, plus ones the content model does not have.
const everything = `
  <h3>Sub-heading</h3><h1>Too big</h1><blockquote>Pull quote</blockquote>
  <p>Plain <strong>strong</strong> <em>em</em> <code>code</code> <u>underline</u> <s>strike</s> <a href="https://parley.example/">link</a></p>
  <ul><li>bullet</li></ul><ol><li>number</li></ol>`

test("converting HTML with the importer's schema gives what the content model's compiled rich text gives", () => {
  const convert = (schema: Parameters<typeof htmlToBlocks>[1]) => {
    let key = 0
    return htmlToBlocks(everything, schema, {
      parseHtml: (html) => new JSDOM(html).window.document,
      keyGenerator: () => `k${key++}`,
    })
  }
  const richText = contentModel.get('richText') as Parameters<typeof htmlToBlocks>[1]
  const expected = convert(richText)
  expect(convert(answerSchema)).toEqual(expected)
  // The comparison is meaningful: unknown styles and decorators are dropped, known ones kept.
  expect(JSON.stringify(expected)).toContain('"style":"h3"')
  expect(JSON.stringify(expected)).not.toMatch(/"marks":\[[^\]]*"(underline|strike-through|u|s)"/)
})

test('the block objects and their fields exist in the content model', () => {
  const members = (contentModel.get('richText') as unknown as { of: { name: string; fields?: { name: string }[] }[] })
    .of
  const fieldsOf = (name: string) => members.find((member) => member.name === name)?.fields?.map((field) => field.name)
  expect(fieldsOf('image')).toEqual(expect.arrayContaining(['alt', 'caption']))
  expect(fieldsOf('codeBlock')).toEqual(expect.arrayContaining(['language', 'code', 'filename']))
  expect(answerSchema.blockObjects.map((object) => object.name).sort()).toEqual(['codeBlock', 'image'])
})

test('every code language the importer writes is one the code block offers', () => {
  const language = (
    contentModel.get('codeBlock') as unknown as {
      fields: { name: string; type: { options: { list: { value: string }[] } } }[]
    }
  ).fields.find((field) => field.name === 'language')!
  const offered = language.type.options.list.map((option) => option.value)
  const written = [...CODE_LANGUAGES, ...Object.values(CODE_LANGUAGE_ALIASES), codeLanguageFor('unknown-language')]
  expect(written.filter((name) => !offered.includes(name))).toEqual([])
  expect(codeLanguageFor('golang')).toBe('go')
})
