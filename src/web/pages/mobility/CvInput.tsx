import { type ChangeEvent, useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export type CvFile = { fileName: string; contentBase64: string };

const maxBytes = 2 * 1024 * 1024;

function base64Of(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

// A CV sent inside the application as base64. Checked here to spare a 2 MB upload that would be refused;
// the server still reads the type from the file's first bytes.
export function CvInput({ error, onChange }: { error: string | undefined; onChange(cv: CvFile | undefined, problem?: string): void }) {
  const { requests } = useI18n();
  const text = requests.mobility.apply;
  const id = useId();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const chosen = event.target.files?.[0];
    if (!chosen) return onChange(undefined);
    if (chosen.size === 0) return onChange(undefined, text.cvEmpty);
    if (chosen.size > maxBytes) return onChange(undefined, text.cvTooLarge);
    if (chosen.type && chosen.type !== 'application/pdf') return onChange(undefined, text.cvType);
    onChange({ fileName: chosen.name, contentBase64: await base64Of(chosen) });
  }

  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {text.cv}
      </label>
      <span id={`${id}-hint`} className="field__description">
        {text.cvHint}
      </span>
      <input
        id={id}
        type="file"
        name="cv"
        accept=".pdf,application/pdf"
        className="file-input"
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
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
