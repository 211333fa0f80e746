import { useState } from 'react';
import { Button, Radio, RadioGroup, Label } from 'react-aria-components';
import type { SecondFactorMethod } from '../../../server/modules/identity/sign-in.schema.ts';
import { Page } from '../../components/Page.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { rememberedMethods } from '../../session/sign-in-steps.ts';
import '../../theme/forms.css';
import { CodeVerificationForm } from './CodeVerificationForm.tsx';
import { PasskeyVerification } from './PasskeyVerification.tsx';
import { SignInProgress } from './SignInProgress.tsx';
import { SmsVerification } from './SmsVerification.tsx';

type PrimaryMethod = Exclude<SecondFactorMethod, 'recovery_code'>;

export function SecondFactorStepPage() {
  const { t } = useI18n();
  const text = t.secondFactorStep;
  const [methods] = useState(rememberedMethods);
  const primary = methods.filter((m): m is PrimaryMethod => m !== 'recovery_code');
  const [method, setMethod] = useState<SecondFactorMethod>(primary[0] ?? 'recovery_code');

  return (
    <Page title={text.title} lead={text.lead}>
      <div className="auth-layout">
        <SignInProgress step="second_factor" />
        {primary.length > 1 && method !== 'recovery_code' ? (
          <RadioGroup className="choice" value={method} onChange={(value) => setMethod(value as SecondFactorMethod)}>
            <Label className="choice__label">{text.chooseMethod}</Label>
            {primary.map((option) => (
              <Radio key={option} value={option} className="choice__option">
                {text.methods[option]}
              </Radio>
            ))}
          </RadioGroup>
        ) : null}

        <section className="form-card" aria-labelledby="method-title">
          <h2 id="method-title" className="form-card__title">
            {text.methods[method]}
          </h2>
          {method === 'totp' ? <CodeVerificationForm key="totp" method="totp" /> : null}
          {method === 'sms' ? <SmsVerification /> : null}
          {method === 'webauthn' ? <PasskeyVerification /> : null}
          {method === 'recovery_code' ? <CodeVerificationForm key="recovery" method="recovery_code" /> : null}
        </section>

        {methods.includes('recovery_code') && method !== 'recovery_code' ? (
          <p>
            <Button className="link-button" onPress={() => setMethod('recovery_code')}>
              {text.useRecoveryCode}
            </Button>
          </p>
        ) : null}
        {method === 'recovery_code' && primary[0] ? (
          <p>
            <Button className="link-button" onPress={() => setMethod(primary[0] ?? 'totp')}>
              {text.backToMethods}
            </Button>
          </p>
        ) : null}
        <p className="muted">{text.noMethodLeft}</p>
      </div>
    </Page>
  );
}
