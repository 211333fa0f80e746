import { Link } from 'react-aria-components';
import type { CatalogueResponse } from '../../../server/modules/applications/applications.schema.ts';
import { useApi } from '../../api/use-api.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { paths } from '../../router/paths.ts';
import '../../theme/applications.css';
import { AppTile } from './AppTile.tsx';
import { useApplicationsText } from './applications-text.ts';

// On the signed-in home page: the agent's favourites, then what their department puts forward, and the way to
// every other application they may open.
export function AppCatalogue() {
  const { home: text, page } = useApplicationsText();
  const { resource } = useApi<CatalogueResponse>('/api/me/applications');

  let body;
  if (resource.status === 'failed') body = <LoadFailure error={resource.error} />;
  else if (resource.status === 'loading') body = <StatusMessage status="loading" />;
  else if (resource.data.total === 0) body = <p>{page.empty}</p>;
  else {
    const { favourites, categories } = resource.data;
    const featured = categories.flatMap((group) => group.applications).filter((app) => app.featured && !app.favourite);
    body = (
      <>
        <h3 id="favourite-apps-title">{text.favouritesTitle}</h3>
        {favourites.length > 0 ? (
          <ul className="app-tiles" aria-labelledby="favourite-apps-title">
            {favourites.map((app) => (
              <AppTile key={app.slug} app={app} />
            ))}
          </ul>
        ) : (
          <p>{text.noFavourites}</p>
        )}
        {featured.length > 0 ? (
          <>
            <h3 id="featured-apps-title">{text.featuredTitle}</h3>
            <ul className="app-tiles" aria-labelledby="featured-apps-title">
              {featured.map((app) => (
                <AppTile key={app.slug} app={app} />
              ))}
            </ul>
          </>
        ) : null}
      </>
    );
  }

  return (
    <section aria-labelledby="my-apps-title" className="app-catalogue">
      <h2 id="my-apps-title">{text.title}</h2>
      {body}
      <p className="app-catalogue__all">
        <Link href={paths.applications} className="button button--secondary">
          {text.all}
        </Link>
      </p>
    </section>
  );
}
