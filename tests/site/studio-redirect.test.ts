// The site's /studio route: every Studio address sent to the site reaches the Studio the lake serves unchanged.
import { GET } from '../../app/studio/[[...tool]]/route.ts'

const studioUrl = 'https://localhost:4102/studio/'
const redirectOf = (path: string) => {
  process.env.SANITY_STUDIO_URL = studioUrl
  const response = GET(new Request(`http://localhost:4100${path}`))
  return { status: response.status, location: response.headers.get('location') }
}
afterAll(() => delete process.env.SANITY_STUDIO_URL)

test.each([
  ['/studio', ''],
  ['/studio/', ''],
  ['/studio/intent/edit/id=6b1f0c2e;type=interview', 'intent/edit/id=6b1f0c2e;type=interview'],
  ['/studio/intent/create/template=interview;type=interview/', 'intent/create/template=interview;type=interview/'],
  [
    '/studio/structure/interviews;published;6b1f0c2e,inspect=sanity%2Fstructure%2Fhistory',
    'structure/interviews;published;6b1f0c2e,inspect=sanity%2Fstructure%2Fhistory',
  ],
  ['/studio/structure?perspective=drafts&x=a%3Bb', 'structure?perspective=drafts&x=a%3Bb'],
  ['/studio/structure/a%20b;c', 'structure/a%20b;c'],
])('%s reaches the Studio as it was sent', (path, studioPath) => {
  expect(redirectOf(path)).toEqual({ status: 307, location: `${studioUrl}${studioPath}` })
})

test('no path can turn the redirect into another scheme or host', () => {
  expect(redirectOf('/studio/javascript:alert(1)').location).toBe(`${studioUrl}javascript:alert(1)`)
  expect(redirectOf('/studio//evil.example/x').location).toBe(`${studioUrl}evil.example/x`)
})
