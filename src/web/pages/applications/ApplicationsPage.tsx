import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { Button, ToggleButton } from 'react-aria-components';
import type { CatalogueApp, CatalogueResponse } from '../../../server/modules/applications/applications.schema.ts';
import { matchesSearch } from '../../../server/modules/applications/catalogue-search.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { TextInput } from '../../components/TextInput.tsx';
import { useSearch } from '../../router/history.ts';
import '../../theme/applications.css';
import { AppTile } from './AppTile.tsx';
import { useApplicationsText } from './applications-text.ts';
import { useFavourites } from './use-favourites.ts';

type Direction = 'up' | 'down';
const moveButtonId = (slug: string, direction: Direction) => `favourite-${slug}-${direction}`;

/** The value, once it has stopped changing for a moment: the result count is read once typing pauses. */
function useSettled<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

// Every application the agent may open, by category, with a search that filters as they type; favourites are
// pinned from any tile and put in order with buttons (no dragging needed).
export function ApplicationsPage() {
  const text = useApplicationsText();
  const { resource, reload } = useApi<CatalogueResponse>('/api/me/applications');
  const catalogue = resource.status === 'ready' ? resource.data : undefined;
  const favourites = useFavourites(catalogue, reload);
  const unavailable = new URLSearchParams(useSearch()).has('indisponible');
  const [query, setQuery] = useState('');
  const [notice, setNotice] = useState('');
  const [focusAfterMove, setFocusAfterMove] = useState<{ slug: string; direction: Direction }>();

  const pinned = new Set(favourites.order);
  const withPin = (app: CatalogueApp): CatalogueApp => ({ ...app, favourite: pinned.has(app.slug) });
  const all = useMemo(() => catalogue?.categories.flatMap((group) => group.applications) ?? [], [catalogue]);
  const bySlug = new Map(all.map((app) => [app.slug, app]));
  const groups = (catalogue?.categories ?? [])
    .map((group) => ({ ...group, applications: group.applications.filter((app) => matchesSearch(app, query)) }))
    .filter((group) => group.applications.length > 0);
  const found = groups.reduce((count, group) => count + group.applications.length, 0);
  const searching = query.trim().length > 0;
  const foundText = useSettled(searching ? text.page.found(found) : '', 500);

  // The moved tile's button keeps the focus; at the top or bottom, the other button takes it.
  useLayoutEffect(() => {
    if (!focusAfterMove) return;
    const { slug, direction } = focusAfterMove;
    const button = (d: Direction) => document.getElementById(moveButtonId(slug, d)) as HTMLButtonElement | null;
    const target = button(direction);
    (target && !target.disabled ? target : button(direction === 'up' ? 'down' : 'up'))?.focus();
    setFocusAfterMove(undefined);
  }, [focusAfterMove]);

  function toggle(app: CatalogueApp, selected: boolean) {
    if (selected) favourites.pin(app.slug);
    else favourites.unpin(app.slug);
    setNotice(selected ? text.page.pinned(app.name) : text.page.unpinned(app.name));
  }

  function move(app: CatalogueApp, direction: Direction) {
    const position = favourites.order.indexOf(app.slug) + (direction === 'up' ? 0 : 2);
    favourites.move(app.slug, direction === 'up' ? -1 : 1);
    setNotice(text.page.moved(app.name, position, favourites.order.length));
    setFocusAfterMove({ slug: app.slug, direction });
  }

  const favouriteToggle = (app: CatalogueApp) => (
    <ToggleButton
      className="button button--secondary button--small favourite-toggle"
      isSelected={app.favourite}
      onChange={(selected) => toggle(app, selected)}
      aria-label={text.tile.favouriteNamed(app.name)}
    >
      <span aria-hidden="true" className="favourite-toggle__star">
        {app.favourite ? '★' : '☆'}
      </span>{' '}
      {text.tile.favourite}
    </ToggleButton>
  );

  let body;
  if (resource.status === 'failed') body = <LoadFailure error={resource.error} />;
  else if (!catalogue) body = <StatusMessage status="loading" />;
  else if (all.length === 0) body = <p>{text.page.empty}</p>;
  else {
    const favouriteApps = favourites.order.flatMap((slug) => {
      const app = bySlug.get(slug);
      return app ? [withPin(app)] : [];
    });
    body = (
      <>
        {searching ? null : (
          <section aria-labelledby="favourites-title" className="app-section">
            <h2 id="favourites-title">{text.page.favouritesTitle}</h2>
            <p className="muted">{text.page.favouritesHint(catalogue.maxFavourites)}</p>
            {favouriteApps.length === 0 ? (
              <p>{text.page.noFavourites}</p>
            ) : (
              <ol className="app-tiles" aria-labelledby="favourites-title">
                {favouriteApps.map((app, index) => (
                  <AppTile key={app.slug} app={app}>
                    <Button className="button button--secondary button--small" id={moveButtonId(app.slug, 'up')} isDisabled={index === 0} onPress={() => move(app, 'up')} aria-label={text.tile.moveUpNamed(app.name)}>
                      {text.tile.moveUp}
                    </Button>
                    <Button
                      className="button button--secondary button--small"
                      id={moveButtonId(app.slug, 'down')}
                      isDisabled={index === favouriteApps.length - 1}
                      onPress={() => move(app, 'down')}
                      aria-label={text.tile.moveDownNamed(app.name)}
                    >
                      {text.tile.moveDown}
                    </Button>
                    {favouriteToggle(app)}
                  </AppTile>
                ))}
              </ol>
            )}
          </section>
        )}
        {groups.length === 0 ? <p>{text.page.noMatch}</p> : null}
        {groups.map((group) => (
          <section key={group.category} aria-labelledby={`category-${group.category}`} className="app-section">
            <h2 id={`category-${group.category}`}>{text.categories[group.category]}</h2>
            <ul className="app-tiles" aria-labelledby={`category-${group.category}`}>
              {group.applications.map((app) => (
                <AppTile key={app.slug} app={withPin(app)}>
                  {favouriteToggle(withPin(app))}
                </AppTile>
              ))}
            </ul>
          </section>
        ))}
      </>
    );
  }

  return (
    <Page title={text.page.title} lead={text.page.lead}>
      {unavailable ? (
        <Alert tone="warning">
          <p>{text.page.unavailable}</p>
        </Alert>
      ) : null}
      <div role="search" className="app-search">
        <TextInput label={text.page.search} description={text.page.searchHint} type="search" value={query} onChange={setQuery} autoComplete="off" inputProps={{ spellCheck: false }} />
        <p role="status" className="app-search__count">
          {foundText}
        </p>
      </div>
      {favourites.error ? <ProblemAlert error={favourites.error} /> : null}
      <p role="status" className="visually-hidden">
        {notice}
      </p>
      {body}
    </Page>
  );
}
