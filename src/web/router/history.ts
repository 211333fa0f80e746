import { useSyncExternalStore } from 'react';

const navigateEvent = 'nomades:navigate';
const serverPrefixes = ['/api/', '/branding/'];
let navigatedInApp = false;

window.addEventListener('popstate', () => {
  navigatedInApp = true;
});

// Called by react-aria's RouterProvider for same-origin links without a target or modifier key.
export function navigate(href: string): void {
  const url = new URL(href, window.location.href);
  if (isServerResource(url)) {
    window.location.assign(url);
    return;
  }
  if (url.pathname === window.location.pathname && url.hash) {
    window.location.hash = url.hash;
    return;
  }
  window.history.pushState(null, '', url);
  navigatedInApp = true;
  window.dispatchEvent(new Event(navigateEvent));
  window.scrollTo(0, 0);
}

export function usePathname(): string {
  return useSyncExternalStore(subscribe, currentPathname);
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
