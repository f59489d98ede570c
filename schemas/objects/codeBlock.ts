// A code sample inside an answer: language for highlighting, optional file name, and the code itself.
import { defineField, defineType } from '@sanity/types'
import { CodeIcon } from '@sanity/icons/Code'

export const codeLanguages = [
  { title: 'Plain text', value: 'text' },
  { title: 'Shell', value: 'shell' },
  { title: 'TypeScript', value: 'typescript' },
  { title: 'JavaScript', value: 'javascript' },
  { title: 'TSX', value: 'tsx' },
  { title: 'JSON', value: 'json' },
  { title: 'YAML', value: 'yaml' },
  { title: 'SQL', value: 'sql' },
  { title: 'GROQ', value: 'groq' },
  { title: 'Go', value: 'go' },
  { title: 'Rust', value: 'rust' },
  { title: 'Python', value: 'python' },
  { title: 'Java', value: 'java' },
  { title: 'Kotlin', value: 'kotlin' },
  { title: 'HTML', value: 'html' },
  { title: 'CSS', value: 'css' },
  { title: 'Dockerfile', value: 'dockerfile' },
  { title: 'Diff', value: 'diff' },
]

export const codeBlock = defineType({
  name: 'codeBlock',
  title: 'Code block',
  type: 'object',
  icon: CodeIcon,
  fields: [
    defineField({
      name: 'language',
      title: 'Language',
      type: 'string',
      description: 'Used for syntax highlighting on the site.',
      options: { list: codeLanguages },
      initialValue: 'typescript',
      validation: (rule) =>
        rule.required().error('Pick a language (or "Plain text") so the code is highlighted correctly.'),
    }),
    defineField({
      name: 'filename',
      title: 'File name',
      type: 'string',
      description: 'Optional, shown above the code (for example "src/queue.ts").',
    }),
    defineField({
      name: 'code',
      title: 'Code',
      type: 'text',
      rows: 10,
      validation: (rule) => rule.required().error('A code block needs some code: paste it here or remove the block.'),
    }),
  ],
  preview: {
    select: { language: 'language', filename: 'filename', code: 'code' },
    prepare({ language, filename, code }) {
      const firstLine = typeof code === 'string' ? code.split('\n')[0] : ''
      return { title: filename || firstLine || 'Empty code block', subtitle: language ? `Code · ${language}` : 'Code' }
    },
  },
})
