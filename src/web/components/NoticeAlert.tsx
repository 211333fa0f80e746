import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { hasNavigatedInApp } from '../router/history.ts';
import { currentNotice } from '../session/notices.ts';
import { Alert } from './Alert.tsx';

// Why the visitor landed here (session expired, signed out…), read once from the history entry. It takes
// the focus, after the page's title has: a screen reader then says why before the form.
export function NoticeAlert() {
  const { t } = useI18n();
  const [notice] = useState(currentNotice);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!notice || !hasNavigatedInApp()) return;
    const frame = window.requestAnimationFrame(() => container.current?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [notice]);

  if (!notice) return null;
  const text = t.notices[notice];
  const tone = notice === 'expired' || notice === 'notMe' ? 'warning' : notice === 'signInRequired' ? 'info' : 'success';
  return (
    <div ref={container} tabIndex={-1} className="focus-target">
      <Alert tone={tone} title={text.title}>
        {text.text ? <p>{text.text}</p> : null}
      </Alert>
    </div>
  );
}
