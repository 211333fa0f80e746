import { useEffect, useMemo, useRef, useState } from 'react';
import { Button, Checkbox } from 'react-aria-components';
import { usePortal } from '../../api/PortalProvider.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { formatDateTime } from '../../i18n/format.ts';
import { useMe } from '../../session/SessionProvider.tsx';
import '../../theme/enrolment.css';

type RecoveryCodesProps = {
  codes: readonly string[];
  headingLevel: 2 | 3;
  onDone(): void;
  doneLabel: string;
};

// Shown once and never again: the agent prints or saves them, and says so before moving on.
export function RecoveryCodes({ codes, headingLevel, onDone, doneLabel }: RecoveryCodesProps) {
  const { t, locale } = useI18n();
  const portal = usePortal();
  const me = useMe();
  const text = t.recoveryCodes;
  const [kept, setKept] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  const file = useMemo(() => {
    const lines = [
      text.fileTitle(portal.name),
      `${me.firstName} ${me.lastName} (${me.badgeNumber})`,
      text.fileDate(formatDateTime(Date.now(), locale)),
      '',
      ...codes,
      '',
      text.fileHint,
      '',
    ];
    return URL.createObjectURL(new Blob([lines.join('\r\n')], { type: 'text/plain;charset=utf-8' }));
  }, [codes, portal.name, me.firstName, me.lastName, me.badgeNumber, locale, text]);

  useEffect(() => () => URL.revokeObjectURL(file), [file]);
  // The codes replace the form the agent was using: focus goes to their title so nothing is missed.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="recovery-codes" aria-labelledby="recovery-codes-title">
      <Heading id="recovery-codes-title" ref={heading} tabIndex={-1} className="recovery-codes__title">
        {text.title}
      </Heading>
      <p>{text.intro}</p>
      <p className="recovery-codes__warning">{text.once}</p>
      <ol className="recovery-codes__list" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="form-actions recovery-codes__tools">
        <a className="button button--secondary" href={file} download={text.fileName}>
          {text.download}
        </a>
        <Button className="button button--secondary" onPress={printCodes}>
          {text.print}
        </Button>
      </div>
      <Checkbox className="checkbox" isSelected={kept} onChange={setKept}>
        <span className="checkbox__box" aria-hidden="true" />
        {text.kept}
      </Checkbox>
      <div className="form-actions">
        <Button className="button button--primary" onPress={onDone} isDisabled={!kept}>
          {doneLabel}
        </Button>
      </div>
    </section>
  );
}

function printCodes(): void {
  document.body.classList.add('print-recovery-codes');
  window.addEventListener('afterprint', () => document.body.classList.remove('print-recovery-codes'), { once: true });
  window.print();
}
