import { type ReactNode, useCallback, useRef, useState } from 'react';
import { Alert } from '../../components/Alert.tsx';

// What an action achieved, in a success alert that takes the focus so that it is read at once; the page
// places `announcement` above its content.
export function useAnnouncement(): { announce(message: string): void; announcement: ReactNode } {
  const [message, setMessage] = useState<string>();
  const ref = useRef<HTMLDivElement>(null);
  const announce = useCallback((next: string) => {
    setMessage(next);
    window.requestAnimationFrame(() => ref.current?.focus());
  }, []);
  const announcement = (
    <div ref={ref} tabIndex={-1} className="focus-target">
      {message ? (
        <Alert tone="success">
          <p>{message}</p>
        </Alert>
      ) : null}
    </div>
  );
  return { announce, announcement };
}
