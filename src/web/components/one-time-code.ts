// Codes from the app and SMS have six digits (spaces allowed as they are often shown "123 456");
// recovery codes are free-form here, the server normalises them.
export function validateCode(value: string, isRecovery: boolean, required: string, sixDigits: string): string | null {
  const trimmed = value.replace(/\s/g, '');
  if (!trimmed) return required;
  if (!isRecovery && !/^\d{6}$/.test(trimmed)) return sixDigits;
  return null;
}
