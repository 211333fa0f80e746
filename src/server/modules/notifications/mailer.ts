import nodemailer from 'nodemailer';
import type { Config } from '../../config.ts';
import type { OutgoingEmail } from './outbox.repo.ts';

export type Mailer = {
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
};

// A slow or silent mail relay must not hold the outbox job: each step gives up after 10 s and the
// message is retried later.
const TIMEOUT_MS = 10_000;

// Opened for one delivery run and closed at its end: one SMTP connection carries the whole batch.
export function openSmtpMailer(smtpUrl: string, config: Pick<Config, 'mailFrom' | 'org' | 'publicUrl'>): Mailer {
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 1,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  return {
    async send(email) {
      await transport.sendMail({
        from: config.mailFrom,
        to: email.to,
        subject: email.subject,
        text: `${email.text}${footer(config)}`,
        // Plain text only: readable in every mail client, nothing remote to load, nothing to phish with.
        textEncoding: 'quoted-printable',
      });
    },
    close: () => transport.close(),
  };
}

// Added to every e-mail: why the agent receives it, and the one rule that defeats most phishing.
export function footer(config: Pick<Config, 'org' | 'publicUrl'>): string {
  return (
    `\n\n-- \nVous recevez ce message parce que vous avez un compte sur le portail des agents de ${config.org.name} (${config.publicUrl}).\n` +
    'Le portail ne vous demandera jamais votre mot de passe par e-mail, par SMS ou par téléphone.\n'
  );
}
