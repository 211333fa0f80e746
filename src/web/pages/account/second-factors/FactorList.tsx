import { useState } from 'react';
import { api, isApiError } from '../../../api/api-client.ts';
import { AlertDialog } from '../../../components/AlertDialog.tsx';
import { PendingButton } from '../../../components/PendingButton.tsx';
import { ProblemAlert } from '../../../components/ProblemAlert.tsx';
import type { WithReauth } from '../../../components/enrolment/enrolment-types.ts';
import { isReauthCancelled } from '../../../components/enrolment/use-reauth.tsx';
import { useI18n } from '../../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../../i18n/format.ts';
import type { FactorListResponse } from './SecondFactorsPage.tsx';

type Factor = FactorListResponse['items'][number];

// The names the server gives when the agent chose none: the same as the kind, not worth repeating.
const defaultLabels: ReadonlySet<string> = new Set(['Application d’authentification', 'Clé d’accès']);

export function FactorList({ list, withReauth, onRemoved }: { list: FactorListResponse; withReauth: WithReauth; onRemoved(): Promise<void> }) {
  const { t, locale } = useI18n();
  const text = t.account.secondFactors;
  const [removing, setRemoving] = useState<Factor>();
  const [pending, setPending] = useState<string>();
  const [error, setError] = useState<unknown>();

  // The question closes first: the password may be asked in a dialog of its own.
  async function remove(factor: Factor) {
    setRemoving(undefined);
    setPending(factor.id);
    setError(undefined);
    try {
      await withReauth(() => api.delete(`/api/me/second-factors/${factor.id}`));
      await onRemoved();
    } catch (caught) {
      if (!isReauthCancelled(caught)) setError(caught);
    } finally {
      setPending(undefined);
    }
  }

  return (
    <section aria-labelledby="factors-title">
      <h2 id="factors-title">{text.listTitle}</h2>
      {error ? (
        isApiError(error, 'unprocessable') ? (
          <ProblemAlert error={error} title={text.removeRefused} />
        ) : (
          <ProblemAlert error={error} />
        )
      ) : null}
      {list.items.length === 0 ? (
        <p>{text.none}</p>
      ) : (
        <ul className="item-cards">
          {list.items.map((factor) => (
            <li key={factor.id} className="item-card">
              <div className="item-card__main">
                <h3 className="item-card__title">{text.kinds[factor.kind]}</h3>
                {defaultLabels.has(factor.label) ? null : <p className="item-card__subtitle">{factor.label}</p>}
                <dl className="item-card__facts">
                  <div>
                    <dt>{text.addedOn}</dt>
                    <dd>{formatDateTime(factor.createdAt, locale)}</dd>
                  </div>
                  <div>
                    <dt>{text.lastUsed}</dt>
                    <dd>{factor.lastUsedAt ? formatDateTime(factor.lastUsedAt, locale) : text.neverUsed}</dd>
                  </div>
                </dl>
              </div>
              <PendingButton
                className="button button--secondary button--small"
                onPress={() => setRemoving(factor)}
                pending={pending === factor.id}
                aria-label={text.removeNamed(factor.label)}
              >
                {text.remove}
              </PendingButton>
            </li>
          ))}
        </ul>
      )}
      {removing ? (
        <AlertDialog
          title={text.removeTitle(removing.label)}
          confirmLabel={text.removeConfirm}
          cancelLabel={t.common.cancel}
          tone="danger"
          onConfirm={() => void remove(removing)}
          onCancel={() => setRemoving(undefined)}
          onDismiss={() => setRemoving(undefined)}
        >
          <p>{list.items.length === 1 ? text.removeLastText : text.removeText}</p>
        </AlertDialog>
      ) : null}
    </section>
  );
}
