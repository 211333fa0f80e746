import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { ApplicationView } from '../../../server/modules/mobility/mobility.schema.ts';
import { api } from '../../api/api-client.ts';
import { saveFile } from '../../components/download.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

/** "Candidature : Jardinier…" or "Demande de mobilité spontanée": how an application is named. */
export function useApplicationName(): (application: ApplicationView) => string {
  const { requests } = useI18n();
  const text = requests.mobility.mine;
  return (application) => (application.offer ? text.toOffer(application.offer.title) : text.spontaneous);
}

// What the agent wrote, as the agent and HR read it: the wished post and departments of a spontaneous
// request, and the letter (or the plan) folded away, its paragraphs kept.
export function ApplicationContent({ application, labels }: { application: ApplicationView; labels: { letter: string; reason: string } }) {
  const { requests, locale } = useI18n();
  const text = requests.mobility.mine;
  const fr = locale === 'fr' ? undefined : 'fr';
  return (
    <>
      {application.offer ? null : (
        <dl className="item-card__facts">
          <div>
            <dt>{text.wishedJob}</dt>
            <dd lang={fr}>{application.wishedJob}</dd>
          </div>
          <div>
            <dt>{text.wished}</dt>
            <dd lang={fr}>{application.wishedDepartments.map((d) => d.code).join(', ')}</dd>
          </div>
        </dl>
      )}
      <details className="mobility-details">
        <summary>{application.offer ? labels.letter : labels.reason}</summary>
        <p className="mobility-text" lang={fr}>
          {application.coverLetter ?? application.reason}
        </p>
      </details>
    </>
  );
}

/** Downloads a CV through the API (the session's cookie; a problem shown if it fails). */
export function CvDownload({ url, label }: { url: string; label: string }) {
  const [error, setError] = useState<unknown>();
  return (
    <>
      <Button
        className="button button--secondary button--small"
        onPress={async () => {
          setError(undefined);
          try {
            saveFile(await api.getFile(url), 'cv.pdf');
          } catch (caught) {
            setError(caught);
          }
        }}
      >
        {label}
      </Button>
      {error ? <LoadFailure error={error} /> : null}
    </>
  );
}
