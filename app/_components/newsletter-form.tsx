// The subscribe form: a plain form post to /api/newsletter (field `email`), so it works without any JavaScript.
export function NewsletterForm({ id }: { id: string }) {
  return (
    <section className="newsletter" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="newsletter__title">
        New interviews by email
      </h2>
      <p className="newsletter__text">One email when an interview goes live. Confirm once; unsubscribe in one click.</p>
      <form action="/api/newsletter" method="post" className="newsletter__form">
        <label htmlFor={`${id}-email`}>Email address</label>
        <input id={`${id}-email`} type="email" name="email" autoComplete="email" required />
        <button type="submit">Subscribe</button>
      </form>
    </section>
  )
}
