// The e-mail's link carries the token in the fragment (#jeton=…), which browsers never send to a server.
// It is taken out of the address bar at once (history, screenshots, shoulder surfing) and kept for this tab
// only, so that a reload still works.
const storageKey = 'nomades.reset-token';
const fragment = /(?:^#|&)jeton=([A-Za-z0-9_-]{43})(?:&|$)/;

export function takeResetToken(): string | undefined {
  const match = fragment.exec(window.location.hash);
  if (match?.[1]) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
    try {
      window.sessionStorage.setItem(storageKey, match[1]);
    } catch {
      // Without storage a reload needs the link again.
    }
    return match[1];
  }
  try {
    return window.sessionStorage.getItem(storageKey) ?? undefined;
  } catch {
    return undefined;
  }
}

export function forgetResetToken(): void {
  try {
    window.sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing was kept.
  }
}
