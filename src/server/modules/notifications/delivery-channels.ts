import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import { openSmtpMailer } from './mailer.ts';
import type { ClaimedMessage, OutboxChannel } from './outbox.repo.ts';
import { httpSmsGateway } from './sms-gateway.ts';

type Channel = { send(message: ClaimedMessage): Promise<void> };

export type DeliveryChannels = Record<OutboxChannel, Channel> & {
  // The reason stored in last_error and logged: never a password or token of ours.
  describe(error: unknown): string;
  close(): void;
};

// Local mode exists only outside production: with no SMTP_URL (or no SMS gateway) the message is written
// to the log for the person running the demo. In production a missing setting is a delivery failure,
// retried and visible, rather than reset links in the central log.
export function openDeliveryChannels(config: Config, log: Logger): DeliveryChannels {
  const local = config.env !== 'production';
  const mailer = config.smtpUrl ? openSmtpMailer(config.smtpUrl, config) : undefined;
  const gateway = config.sms.gatewayUrl ? httpSmsGateway(config.sms.gatewayUrl, config.sms.gatewayToken) : undefined;
  const secrets = secretsOf(config);

  return {
    email: {
      async send(message) {
        if (mailer) return mailer.send({ to: message.recipient, subject: message.subject, text: message.body });
        if (!local) throw new Error('SMTP_URL n’est pas configuré : aucun e-mail ne peut partir');
        writeToLog(log, message, 'e-mail non envoyé (pas de SMTP_URL) : à lire ici ou sur /api/dev/outbox');
      },
    },
    sms: {
      async send(message) {
        if (gateway) return gateway.send({ to: message.recipient, text: message.body });
        if (!local) throw new Error('SMS_GATEWAY_URL n’est pas configuré : aucun SMS ne peut partir');
        writeToLog(log, message, 'SMS non envoyé (pas de SMS_GATEWAY_URL) : à lire ici');
      },
    },
    describe: (error) => mask(reasonOf(error), secrets).slice(0, 500),
    close: () => mailer?.close(),
  };
}

function writeToLog(log: Logger, message: ClaimedMessage, what: string): void {
  log.info({ channel: message.channel, recipient: message.recipient, subject: message.subject, body: message.body }, what);
}

// "fetch failed" alone helps nobody: follow the causes down to the refused connection or the timeout.
function reasonOf(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth += 1) {
    if (current instanceof Error) {
      const code = (current as { code?: unknown }).code;
      parts.push(typeof code === 'string' && !current.message.includes(code) ? `${code} ${current.message}` : current.message);
      current = current.cause;
    } else {
      parts.push(String(current));
      current = undefined;
    }
  }
  return parts.join(' : ') || 'erreur inconnue';
}

function secretsOf(config: Config): string[] {
  const secrets = [config.sms.gatewayToken];
  if (config.smtpUrl) {
    const password = new URL(config.smtpUrl).password;
    secrets.push(password, safeDecode(password));
  }
  return secrets.filter((s): s is string => typeof s === 'string' && s.length >= 4);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function mask(text: string, secrets: string[]): string {
  return secrets.reduce((masked, secret) => masked.split(secret).join('[masqué]'), text);
}
