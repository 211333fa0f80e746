import { Link } from 'react-aria-components';
import { usePathname } from '../router/history.ts';

export type AreaNavItem = { href: string; label: string; /** Pages under this path belong to the entry too. */ includes?: string };

// The pages of one area (HR, IT support, administration), as tabs that are plain links.
export function AreaNav({ label, items }: { label: string; items: readonly AreaNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label} className="area-nav">
      <ul className="area-nav__list">
        {items.map((item) => {
          const current =
            pathname === item.href ? 'page' : item.includes && pathname.startsWith(`${item.includes}/`) && !items.some((other) => other.href === pathname) ? 'true' : undefined;
          return (
            <li key={item.href}>
              <Link href={item.href} className="area-nav__link" aria-current={current}>
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
