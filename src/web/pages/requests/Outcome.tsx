import { type RefObject, useCallback, useRef, useState } from 'react';
import { Alert } from '../../components/Alert.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';

export type Told = { message?: string; error?: unknown };

/** What an action led to, and `tell` to show it; it takes the focus, since the button pressed may be gone. */
export function useOutcome() {
  const [told, setTold] = useState<Told>({});
  const focusRef = useRef<HTMLDivElement>(null);
  const tell = useCallback((next: Told) => {
    setTold(next);
    window.requestAnimationFrame(() => focusRef.current?.focus());
  }, []);
  return { told, tell, focusRef };
}

export function Outcome({ told, focusRef }: { told: Told; focusRef: RefObject<HTMLDivElement | null> }) {
  return (
    <div ref={focusRef} tabIndex={-1} className="focus-target">
      {told.error ? <ProblemAlert error={told.error} /> : null}
      {told.message ? (
        <Alert tone="success" announce>
          <p>{told.message}</p>
        </Alert>
      ) : null}
    </div>
  );
}
