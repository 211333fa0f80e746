import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import '../../theme/enrolment.css';
import { TextInput } from '../TextInput.tsx';
import { PasskeyEnrolment } from './PasskeyEnrolment.tsx';
import { SmsEnrolment } from './SmsEnrolment.tsx';
import { TotpEnrolment } from './TotpEnrolment.tsx';
import type { EnrolmentResult, WithReauth } from './enrolment-types.ts';

type Kind = 'totp' | 'webauthn' | 'sms';

// The app and passkeys first: ANSSI advises against SMS, which can be intercepted or diverted (SIM swap).
const kinds: readonly Kind[] = ['totp', 'webauthn', 'sms'];

type EnrolmentMethodsProps = {
  enrolmentCodeNeeded: boolean;
  withReauth: WithReauth;
  onEnrolled(result: EnrolmentResult): void;
};

export function EnrolmentMethods({ enrolmentCodeNeeded, withReauth, onEnrolled }: EnrolmentMethodsProps) {
  const { t } = useI18n();
  const text = t.enrolment;
  const [kind, setKind] = useState<Kind>('totp');
  const [codeNeeded, setCodeNeeded] = useState(enrolmentCodeNeeded);
  const [enrolmentCode, setEnrolmentCode] = useState('');
  const props = {
    enrolmentCode: enrolmentCode.trim() || undefined,
    withReauth,
    onEnrolled,
    onForbidden: () => setCodeNeeded(true),
  };

  return (
    <div className="enrolment">
      <p>{text.advice}</p>
      <RadioGroup className="choice" value={kind} onChange={(value) => setKind(value as Kind)}>
        <Label className="choice__label">{text.chooseKind}</Label>
        {kinds.map((option) => (
          <Radio key={option} value={option} className="choice__option">
            <span className="choice__name">{text.kinds[option].name}</span>
            <span className="choice__hint">{text.kinds[option].hint}</span>
          </Radio>
        ))}
      </RadioGroup>

      {codeNeeded ? (
        <TextInput
          label={text.enrolmentCode}
          description={text.enrolmentCodeHelp}
          name="enrolmentCode"
          value={enrolmentCode}
          onChange={setEnrolmentCode}
          autoComplete="off"
          inputProps={{ autoCapitalize: 'characters', spellCheck: false, size: 14 }}
          className="field--medium"
        />
      ) : null}

      {kind === 'totp' ? <TotpEnrolment {...props} /> : null}
      {kind === 'webauthn' ? <PasskeyEnrolment {...props} /> : null}
      {kind === 'sms' ? <SmsEnrolment {...props} /> : null}
    </div>
  );
}
