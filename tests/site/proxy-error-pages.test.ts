// The pages nginx answers with itself (deploy/nginx/pages) are the site's own, as the error-pages module makes them.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { errorPages } from '../../deploy/nginx/error-pages.ts'
import { malformedAddressPage } from '../../lib/error-pages.ts'

const pagesDir = join(process.cwd(), 'deploy/nginx/pages')

test('deploy/nginx/pages holds exactly the proxy’s error pages, byte for byte as the site makes them', () => {
  expect(readdirSync(pagesDir).sort()).toEqual(Object.keys(errorPages).sort())
  for (const [name, html] of Object.entries(errorPages)) {
    expect([name, readFileSync(join(pagesDir, name), 'utf8') === html]).toEqual([name, true])
  }
  // nginx's own 400 is the page the site's proxy.ts answers.
  expect(errorPages['bad-address.html']).toBe(malformedAddressPage)
  expect(errorPages['unavailable.html']).toContain('<h1>Temporarily unavailable</h1>')
})
