import type { ReactNode } from 'react';

/** Label / value pairs (the `.facts` grid). */
export function Facts({ children }: { children: ReactNode }) {
  return <dl className="facts">{children}</dl>;
}

/** `wide`: a value that needs room (an e-mail address, an assignment), over two columns where there are. */
export function Fact({ label, children, wide = false }: { label: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={wide ? 'facts__item facts__item--wide' : 'facts__item'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
