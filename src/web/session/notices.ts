// Why the sign-in page (or another page) is shown, carried in the history entry rather than in the address:
// a shared or bookmarked link never shows a stale "your session has expired".
export type Notice = 'expired' | 'signedOut' | 'signInRequired' | 'notMe' | 'passwordReset';

const notices: readonly Notice[] = ['expired', 'signedOut', 'signInRequired', 'notMe', 'passwordReset'];

export function noticeState(notice: Notice): { notice: Notice } {
  return { notice };
}

export function currentNotice(): Notice | undefined {
  const state: unknown = window.history.state;
  const notice = state && typeof state === 'object' && 'notice' in state ? state.notice : undefined;
  return notices.find((known) => known === notice);
}
