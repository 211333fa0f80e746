import { type ChangeEvent, useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type SupportingDocument = { name: string; contentBase64: string };

const maxBytes = 2 * 1024 * 1024;
const acceptedTypes = ['application/pdf', 'image/jpeg', 'image/png'];

function readAsBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

type SupportingDocumentInputProps = {
  error: string | undefined;
  onChange(document: SupportingDocument | undefined, problem?: string): void;
  /** What the document proves, when it is not a correction of the file (a leave request's family event). */
  label?: string;
  hint?: string;
  isRequired?: boolean;
};

// The proof of a request, sent inside it as base64. Size and type are checked here to spare a 2 MB upload
// that would be refused; the server still reads the type from the file's first bytes.
export function SupportingDocumentInput({ error, onChange, label, hint, isRequired = false }: SupportingDocumentInputProps) {
  const { papers } = useI18n();
  const text = papers.file.corrections;
  const id = useId();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return onChange(undefined);
    if (chosen.size === 0) return onChange(undefined, text.documentEmpty);
    if (chosen.size > maxBytes) return onChange(undefined, text.documentTooLarge);
    if (chosen.type && !acceptedTypes.includes(chosen.type)) return onChange(undefined, text.documentType);
    onChange({ name: chosen.name, contentBase64: await readAsBase64(chosen) });
  }

  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label ?? text.document}
      </label>
      <span id={`${id}-hint`} className="field__description">
        {hint ?? text.documentHint}
      </span>
      <input
        id={id}
        type="file"
        name="document"
        accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
        className="file-input"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        aria-required={isRequired || undefined}
        onChange={(event) => void choose(event)}
      />
      {error ? (
        <span id={`${id}-error`} className="field__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
