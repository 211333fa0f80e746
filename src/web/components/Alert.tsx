import type { ReactNode } from 'react';

type AlertProps = {
  tone: 'error' | 'success' | 'info' | 'warning';
  title?: string;
  children?: ReactNode;
  /** Errors that appear after an action interrupt (role alert); other messages are announced politely. */
  announce?: boolean;
};

export function Alert({ tone, title, children, announce = false }: AlertProps) {
  const role = announce ? (tone === 'error' ? 'alert' : 'status') : undefined;
  return (
    <div className={`alert alert--${tone}`} role={role}>
      {title ? <p className="alert__title">{title}</p> : null}
      {children}
    </div>
  );
}
