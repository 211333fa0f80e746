import { useRef, useState } from 'react';
import { Button, Label, Radio, RadioGroup } from 'react-aria-components';
import type { DeclareLossBody, ProfessionalCardView } from '../../../server/modules/professional-card/professional-card.schema.ts';
import { api } from '../../api/api-client.ts';
import { useApi } from '../../api/use-api.ts';
import { Alert } from '../../components/Alert.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { StatusMessage } from '../../components/StatusMessage.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/card.css';
import { MyPapersLayout } from '../my-papers/MyPapersLayout.tsx';
import { CardState } from './CardState.tsx';
import { ReplacementSteps } from './ReplacementSteps.tsx';

type LossKind = DeclareLossBody['kind'];

// The agent's card: its state and, once lost, the two clicks that block it and the replacement's progress.
export function MyCardPage() {
  const { papers } = useI18n();
  const text = papers.card;
  const { resource, reload } = useApi<ProfessionalCardView>('/api/me/professional-card');
  const [declaring, setDeclaring] = useState(false);
  const [blocked, setBlocked] = useState<string>();
  const blockedRef = useRef<HTMLDivElement>(null);
  const lostButton = useRef<HTMLButtonElement>(null);

  if (resource.status !== 'ready') {
    return <MyPapersLayout title={text.title}>{resource.status === 'failed' ? <LoadFailure error={resource.error} /> : <StatusMessage status="loading" />}</MyPapersLayout>;
  }
  const { card, replacements } = resource.data;
  const latest = replacements[0];

  return (
    <MyPapersLayout title={text.title} lead={text.lead}>
      <div ref={blockedRef} tabIndex={-1} className="focus-target">
        {blocked ? (
          <Alert tone="success" title={text.declared(blocked)}>
            <p>{text.declaredText}</p>
          </Alert>
        ) : null}
      </div>
      <section aria-labelledby="card-title" className="staff-section">
        <h2 id="card-title">{text.stateTitle}</h2>
        <CardState card={card} forAgent />
        {card.status === 'active' ? (
          <div className="card-loss">
            <Button ref={lostButton} className="button button--danger-outline" onPress={() => setDeclaring(true)}>
              {text.lost}
            </Button>
            <p className="action-list__hint">{text.lostHint}</p>
          </div>
        ) : null}
      </section>
      {latest ? (
        <section aria-labelledby="replacement-title" className="staff-section">
          <h2 id="replacement-title">{text.replacementTitle}</h2>
          <ReplacementSteps replacement={latest} forAgent />
        </section>
      ) : null}
      {declaring ? (
        <DeclareLossDialog
          cardNumber={card.number}
          onClose={() => {
            setDeclaring(false);
            window.requestAnimationFrame(() => lostButton.current?.focus());
          }}
          onDeclared={async () => {
            await reload();
            setDeclaring(false);
            setBlocked(card.number);
            // The button pressed is gone: the outcome takes the focus.
            window.requestAnimationFrame(() => blockedRef.current?.focus());
          }}
        />
      ) : null}
    </MyPapersLayout>
  );
}

function DeclareLossDialog({ cardNumber, onClose, onDeclared }: { cardNumber: string; onClose(): void; onDeclared(): Promise<void> }) {
  const { papers } = useI18n();
  const text = papers.card;
  const [kind, setKind] = useState<LossKind>('lost');
  return (
    <FormDialog
      title={text.declareTitle}
      confirmLabel={text.declareConfirm}
      tone="danger"
      reason={false}
      onClose={onClose}
      onSubmit={async () => {
        await api.post('/api/me/professional-card/loss', { kind } satisfies DeclareLossBody);
        await onDeclared();
      }}
    >
      <p>{text.declareText(cardNumber)}</p>
      <RadioGroup className="choice" value={kind} onChange={(value) => setKind(value as LossKind)}>
        <Label className="choice__label">{text.kind}</Label>
        {(['lost', 'stolen'] as const).map((option) => (
          <Radio key={option} value={option} className="choice__option">
            <span className="choice__name">{text.kinds[option]}</span>
          </Radio>
        ))}
      </RadioGroup>
    </FormDialog>
  );
}
