import { useSyncExternalStore } from 'react';

const navigateEvent = 'nomades:navigate';
const serverPrefixes = ['/api/', '/branding/', '/apps/'];
let navigatedInApp = false;

window.addEventListener('popstate', () => {
  navigatedInApp = true;
});

export type NavigateOptions = {
  /** Replaces the current entry: for redirections, so that Back does not bounce the visitor forward again. */
  replace?: boolean;
  /** Kept with the history entry, e.g. why the sign-in page is shown (see notices.ts). */
  state?: unknown;
};

// Called by react-aria's RouterProvider for same-origin links without a target or modifier key.
export function navigate(href: string, options: NavigateOptions = {}): void {
  const url = new URL(href, window.location.href);
  if (isServerResource(url)) {
    window.location.assign(url);
    return;
  }
  if (url.pathname === window.location.pathname && url.search === window.location.search && url.hash && !options.replace) {
    window.location.hash = url.hash;
    return;
  }
  if (options.replace) window.history.replaceState(options.state ?? null, '', url);
  else window.history.pushState(options.state ?? null, '', url);
  navigatedInApp = true;
  window.dispatchEvent(new Event(navigateEvent));
  if (!options.replace) window.scrollTo(0, 0);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPathname);
}

/** The query string, without the '?'. */
export function useSearch(): string {
  return useSyncExternalStore(subscribe, () => window.location.search.replace(/^\?/, ''));
}

/** The page's address as a path the app can come back to: path and query, never the fragment. */
export function currentLocation(): string {
  return currentPathname() + window.location.search;
}

// True once the visitor has moved between pages without a reload: pages then move focus to their heading.
export function hasNavigatedInApp(): boolean {
  return navigatedInApp;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(navigateEvent, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(navigateEvent, onChange);
  };
}

function currentPathname(): string {
  const { pathname } = window.location;
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
}

// The API, the branding and files (the OpenAPI document) come from the server, not from a page of the app.
function isServerResource(url: URL): boolean {
  return (
    url.origin !== window.location.origin ||
    serverPrefixes.some((prefix) => url.pathname.startsWith(prefix)) ||
    /\.[a-z0-9]+$/i.test(url.pathname)
  );
}
