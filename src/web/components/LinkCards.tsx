import { Link } from 'react-aria-components';

export type LinkCard = { href: string; label: string; hint: string };

// A titled group of pages to go to, each with one line saying what is there.
export function LinkCards({ title, links }: { title: string; links: readonly LinkCard[] }) {
  return (
    <section>
      <h2>{title}</h2>
      <ul className="link-cards">
        {links.map((link) => (
          <li key={link.href} className="link-cards__item">
            <Link href={link.href} className="link-cards__link">
              {link.label}
            </Link>
            <p className="link-cards__hint">{link.hint}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
