// The search box: a plain GET form to /search, so it works without JavaScript on every page that shows it.
export function SearchForm({
  id,
  label,
  className,
  placeholder = 'A speaker, a topic, a technology…',
  defaultValue,
}: {
  id: string
  label: string
  className: string
  placeholder?: string
  defaultValue?: string
}) {
  return (
    <form action="/search" method="get" role="search" aria-label={label} className={className}>
      <label htmlFor={id} className="visually-hidden">
        Search interviews
      </label>
      <input id={id} type="search" name="q" defaultValue={defaultValue} placeholder={placeholder} />
      <button type="submit">Search</button>
    </form>
  )
}
