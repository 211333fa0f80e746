import { type ReactNode, useEffect, useRef } from 'react';
import { usePortal } from '../api/PortalProvider.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { hasNavigatedInApp } from '../router/history.ts';

type PageProps = {
  title: string;
  lead?: ReactNode;
  children?: ReactNode;
};

export function Page({ title, lead, children }: PageProps) {
  const { t } = useI18n();
  const portal = usePortal();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    document.title = t.meta.documentTitle(title, portal.name);
  }, [t, title, portal.name]);

  // After a client-side navigation nothing tells a screen reader the page changed: reading the new title does.
  useEffect(() => {
    if (hasNavigatedInApp()) heading.current?.focus();
  }, []);

  return (
    <>
      <div className="page-intro">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {lead ? <p className="page-intro__lead">{lead}</p> : null}
      </div>
      {children}
    </>
  );
}
