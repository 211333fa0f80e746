import PDFDocument from 'pdfkit';
import { frenchDate, frenchMoment, parisDate } from './paris-calendar.ts';

// The letter HR hands to a new agent (or sends to their manager), as French cities do: who they are on the
// portal, the two secrets of their first sign-in, and what to do with them. A4, standard fonts only.

export type WelcomeLetter = {
  orgName: string;
  departmentName: string;
  portalUrl: string;
  agent: { firstName: string; lastName: string; badgeNumber: string; email: string; startDate: string; pending: boolean };
  temporaryPassword: string;
  enrolmentCode: string;
  enrolmentCodeExpiresAt: Date;
  hrContact: { name: string; email: string; phone: string | null };
  manager: string | null;
  printedAt: Date;
};

const MARGIN = 56;
const INK = '#1b1b1b';
const MUTED = '#555555';
const ACCENT = '#000091';

export function renderWelcomeLetter(letter: WelcomeLetter, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: {
      Title: `Lettre d’accueil — ${letter.agent.firstName} ${letter.agent.lastName}`,
      Author: letter.orgName,
      Subject: 'Vos identifiants de première connexion au portail des agents',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { agent } = letter;
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(16).text(letter.orgName);
  doc.fillColor(MUTED).font('Helvetica').fontSize(10).text(letter.departmentName);
  doc.moveDown(0.3).text(`Le ${frenchDate(parisDate(letter.printedAt))}`, { align: 'right' });
  doc.moveDown(1.5);

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(11).text(`${agent.firstName} ${agent.lastName}`);
  doc.font('Helvetica').text(`Matricule ${agent.badgeNumber}`);
  doc.moveDown(1.5);

  doc.font('Helvetica-Bold').fontSize(13).text('Objet : votre accès au portail des agents');
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(11).text(`Bonjour ${agent.firstName} ${agent.lastName},`);
  doc.moveDown(0.5);
  doc.text(
    `Bienvenue ! Votre compte sur le portail des agents de la collectivité est créé. Il vous permet d’accéder, depuis votre poste ou depuis l’extérieur, à vos services numériques. ${
      agent.pending ? `Il sera ouvert le ${frenchDate(agent.startDate)}, votre premier jour : vous ne pourrez pas vous connecter avant.` : ''
    }`,
  );
  doc.moveDown(1);

  const rows: [string, string, boolean][] = [
    ['Adresse du portail', letter.portalUrl, false],
    ['Identifiant', `${agent.badgeNumber} (votre matricule), ou votre adresse e-mail`, false],
    ['Adresse e-mail professionnelle', agent.email, false],
    ['Mot de passe temporaire', letter.temporaryPassword, true],
    ['Code d’enrôlement', letter.enrolmentCode, true],
  ];
  const labelWidth = 170;
  const valueWidth = width - labelWidth - 32;
  const valueFont = (secret: boolean) => doc.font(secret ? 'Courier-Bold' : 'Helvetica-Bold').fontSize(secret ? 13 : 10.5);
  // Each row as tall as its longer side, so that a long e-mail address wraps without covering the next row.
  const heights = rows.map(([label, value, secret]) => {
    const labelHeight = doc.font('Helvetica').fontSize(10).heightOfString(label, { width: labelWidth });
    return Math.max(labelHeight, valueFont(secret).heightOfString(value, { width: valueWidth })) + 8;
  });
  const validity = `Le code d’enrôlement est valable jusqu’au ${frenchMoment(letter.enrolmentCodeExpiresAt)} (heure de Paris).`;
  const validityHeight = doc.font('Helvetica-Oblique').fontSize(9).heightOfString(validity, { width: width - 24 });
  const boxTop = doc.y;
  const boxHeight = 12 + heights.reduce((a, b) => a + b, 0) + validityHeight + 12;
  doc.rect(MARGIN, boxTop, width, boxHeight).lineWidth(1).strokeColor(ACCENT).stroke();
  let y = boxTop + 12;
  rows.forEach(([label, value, secret], index) => {
    doc.fillColor(MUTED).font('Helvetica').fontSize(10).text(label, MARGIN + 12, y + (secret ? 2 : 0), { width: labelWidth });
    valueFont(secret).fillColor(INK).text(value, MARGIN + 20 + labelWidth, y, { width: valueWidth });
    y += heights[index] ?? 0;
  });
  doc.fillColor(MUTED).font('Helvetica-Oblique').fontSize(9).text(validity, MARGIN + 12, y, { width: width - 24 });
  doc.x = MARGIN;
  doc.y = boxTop + boxHeight + 16;

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(12).text('Votre première connexion', { width });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(10.5);
  const steps = [
    `Ouvrez ${letter.portalUrl} et saisissez votre matricule (ou votre adresse e-mail) et le mot de passe temporaire ci-dessus.`,
    'Choisissez votre propre mot de passe : au moins 12 caractères mêlant majuscules, minuscules, chiffres et symboles, ou une phrase de passe ; le portail vous guide. Le mot de passe temporaire cesse alors de fonctionner.',
    'Enregistrez une deuxième méthode de vérification. Nous recommandons une application d’authentification sur votre téléphone (par exemple FreeOTP, Google Authenticator ou Microsoft Authenticator) ; le SMS est possible à défaut. Depuis l’extérieur du réseau de la collectivité, le portail vous demandera le code d’enrôlement.',
    'Conservez précieusement les codes de secours que le portail vous donnera ensuite.',
  ];
  steps.forEach((step, index) => {
    doc.text(`${index + 1}. ${step}`, { width });
    doc.moveDown(0.3);
  });
  doc.moveDown(0.5);
  doc.font('Helvetica-Bold').text('Gardez cette lettre pour vous.', { continued: true });
  doc.font('Helvetica').text(
    ' Ne communiquez jamais votre mot de passe : ni les services RH ni l’assistance informatique ne vous le demanderont. Détruisez cette lettre une fois votre mot de passe choisi.',
    { width },
  );
  doc.moveDown(1);

  doc.font('Helvetica-Bold').fontSize(12).text('Qui contacter', { width });
  doc.moveDown(0.4);
  doc.font('Helvetica').fontSize(10.5);
  const hr = letter.hrContact;
  doc.text(`Votre gestionnaire RH : ${hr.name} — ${hr.email}${hr.phone ? ` — ${hr.phone}` : ''}`, { width });
  if (letter.manager) doc.text(`Votre encadrant : ${letter.manager}`, { width });
  doc.text('Un problème pour vous connecter (compte bloqué, lettre perdue, téléphone changé) : l’assistance informatique de votre direction.', {
    width,
  });

  doc.end();
  return finished;
}
