import { createHash } from 'node:crypto';
import { INTERACTION_PREFIX } from './sso-paths.ts';

// The few pages the provider itself shows an agent, in French: an application refused, a sign-in request
// that expired or was malformed, the sign-out confirmation. Plain HTML, readable without script.

const style =
  'body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1b1e24;background:#fff}' +
  'h1{font-size:1.75rem;line-height:1.25}a{color:#1d3a8a}a:focus,button:focus{outline:3px solid #c2410c;outline-offset:2px}' +
  '.actions{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;margin-top:1.5rem}' +
  'button{font:inherit;font-weight:600;padding:.6rem 1.2rem;border-radius:.3rem;border:2px solid #1d3a8a;background:#1d3a8a;color:#fff;cursor:pointer}' +
  '.ref{color:#4a505c;font-size:.9rem}code{overflow-wrap:anywhere}';
const styleSource = `'sha256-${createHash('sha256').update(style).digest('base64')}'`;

export type SsoPage = {
  status: number;
  title: string;
  paragraphs: readonly string[];
  links?: ReadonlyArray<{ href: string; label: string }>;
  /** A form the provider built (trusted HTML) and the button that submits it. */
  form?: { html: string; id: string; button: string; name?: string; value?: string };
  /** Where a submitted form may lead, beside the portal itself (the app's address after sign-out). */
  formTargets?: readonly string[];
  reference?: string;
};

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The page's policy: its own style by hash, no script, forms only to the portal (and where it redirects). */
export function pageCsp(formTargets: readonly string[] = []): string {
  return [
    "default-src 'none'",
    `style-src ${styleSource}`,
    "base-uri 'none'",
    `form-action 'self'${formTargets.map((origin) => ` ${origin}`).join('')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

export function renderSsoPage(page: SsoPage): { html: string; csp: string } {
  const links = (page.links ?? []).map((link) => `<a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a>`).join('\n');
  const form = page.form
    ? `${page.form.html}\n<button type="submit" form="${escapeHtml(page.form.id)}"${page.form.name ? ` name="${escapeHtml(page.form.name)}" value="${escapeHtml(page.form.value ?? '')}"` : ''}>${escapeHtml(page.form.button)}</button>`
    : '';
  const html = `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)} — Nomades</title>
<style>${style}</style>
</head>
<body>
<main>
<h1>${escapeHtml(page.title)}</h1>
${page.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n')}
<div class="actions">
${form}
${links}
</div>
${page.reference ? `<p class="ref">Référence à citer au support : <code>${escapeHtml(page.reference)}</code></p>` : ''}
</main>
</body>
</html>
`;
  return { html, csp: pageCsp(page.formTargets) };
}

const portalHome = { href: '/', label: 'Aller au portail' };

export const ssoPages = {
  denied: (application: string, reason: string, uid: string): SsoPage => ({
    status: 403,
    title: 'Accès refusé',
    paragraphs: [
      `Vous ne pouvez pas vous connecter à « ${application} » : ${reason}.`,
      'Si votre travail le demande, adressez-vous à votre encadrant ou au support informatique pour faire ouvrir cet accès.',
    ],
    links: [{ href: `${INTERACTION_PREFIX}/${encodeURIComponent(uid)}/abort`, label: `Revenir à « ${application} »` }, portalHome],
  }),
  expired: (): SsoPage => ({
    status: 400,
    title: 'Demande de connexion expirée',
    paragraphs: [
      'Cette demande de connexion à une application n’est plus valable : elle a expiré ou a déjà servi.',
      'Retournez dans l’application et connectez-vous de nouveau.',
    ],
    links: [portalHome],
  }),
  invalidRequest: (code: string, description: string | undefined, reference: string): SsoPage => ({
    status: 400,
    title: 'Demande de connexion invalide',
    paragraphs: [
      'L’application qui vous a envoyé ici a formulé une demande de connexion que le portail ne peut pas accepter. Vous n’avez rien à corriger de votre côté.',
      'Si cela se reproduit, signalez-le au support informatique avec la référence ci-dessous.',
      `Détail technique : ${code}${description ? ` (${description})` : ''}.`,
    ],
    links: [portalHome],
    reference,
  }),
  signOut: (formHtml: string, formTargets: readonly string[], application: string | undefined): SsoPage => ({
    status: 200,
    title: 'Se déconnecter',
    paragraphs: [
      application
        ? `« ${application} » demande votre déconnexion.`
        : 'Une application demande votre déconnexion.',
      'Vous serez déconnecté du portail Nomades et de toutes les applications ouvertes avec lui.',
    ],
    form: { html: formHtml, id: 'op.logoutForm', button: 'Se déconnecter', name: 'logout', value: 'yes' },
    formTargets,
    links: [{ href: '/', label: 'Rester connecté et aller au portail' }],
  }),
  signedOut: (): SsoPage => ({
    status: 200,
    title: 'Vous êtes déconnecté',
    paragraphs: ['Votre session sur le portail Nomades est terminée, ainsi que celles des applications ouvertes avec lui.'],
    links: [{ href: '/connexion', label: 'Se reconnecter' }],
  }),
};
