import { useCallback, useEffect, useRef, useState } from 'react';

export type FieldErrors = Record<string, string | undefined>;

// Field errors shown when the form is sent and cleared as soon as the field is edited: never on blur. A
// message that appears or vanishes on blur moves the submit button between mouse down and mouse up, and
// the click is lost (react-aria's own validation commits on blur, hence this).
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [shown, setShown] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // The first field in error takes the focus, so its message is read with it.
  useEffect(() => {
    if (shown > 0) formRef.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]')?.focus();
  }, [shown]);

  /** Shows these errors and focuses the first field in error; returns true if there is none. */
  const check = useCallback((next: FieldErrors): boolean => {
    const present = Object.fromEntries(Object.entries(next).filter(([, message]) => message));
    setErrors(present);
    if (Object.keys(present).length === 0) return true;
    setShown((count) => count + 1);
    return false;
  }, []);

  const clear = useCallback((field: string) => {
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  }, []);

  return { errors, check, clear, formRef };
}
