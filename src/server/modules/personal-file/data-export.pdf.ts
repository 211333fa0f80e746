import PDFDocument from 'pdfkit';
import type { DataExport } from './data-export.schema.ts';
import { frenchDay, frenchMoment } from './french-dates.ts';

// The readable copy of an access request (GDPR art. 15): the same content as the JSON, in French, A4.
const MARGIN = 56;
const ACCENT = '#000091';
const INK = '#1b1b1b';

const familyStatusLabels: Record<string, string> = {
  celibataire: 'célibataire', marie: 'marié(e)', pacse: 'pacsé(e)', concubinage: 'en concubinage', divorce: 'divorcé(e)', separe: 'séparé(e)', veuf: 'veuf / veuve',
};

export function renderDataExport(data: DataExport, orgName: string, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `Mes données personnelles — ${data.agent.firstName} ${data.agent.lastName}`, Author: orgName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const section = (title: string) => doc.moveDown(0.8).fillColor(ACCENT).font('Helvetica-Bold').fontSize(13).text(title).moveDown(0.3).fillColor(INK).font('Helvetica').fontSize(10);
  const line = (label: string, value: string | number | null | undefined) => doc.text(`${label} : ${value === null || value === undefined || value === '' ? '—' : value}`);
  const empty = (items: unknown[], text: string) => items.length === 0 && doc.text(text);

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(16).text(orgName);
  doc.fillColor(INK).fontSize(14).text('Copie de mes données personnelles');
  doc.font('Helvetica').fontSize(10).text(`Droit d’accès (article 15 du RGPD) — document produit le ${frenchMoment(new Date(data.generatedAt))}`);

  const a = data.agent;
  section('Identité professionnelle');
  line('Nom', `${a.firstName} ${a.lastName}`);
  line('Matricule', a.badgeNumber);
  line('Adresse e-mail professionnelle', a.professionalEmail);
  line('Téléphone professionnel', a.professionalPhone);
  line('Poste', a.jobTitle);
  line('Direction', a.department);
  line('Service', a.service);
  line('Date d’arrivée', frenchDay(a.startDate));

  const f = data.personalFile;
  if (f) {
    section('État civil');
    line('Nom de naissance', f.civilStatus.birthName);
    line('Nom d’usage', f.civilStatus.usageName);
    line('Né(e) le', `${frenchDay(f.civilStatus.birthDate)} à ${f.civilStatus.birthPlace}`);
    line('Nationalité', f.civilStatus.nationality);
    section('Adresse et contact personnels');
    doc.text([f.address.addressLine1, f.address.addressLine2, `${f.address.postalCode} ${f.address.city}`, f.address.country].filter(Boolean).join('\n'));
    line('Téléphone personnel', f.contact.personalPhone);
    line('Adresse e-mail personnelle', f.contact.personalEmail);
    section('Situation familiale');
    line('Situation', familyStatusLabels[f.family.familyStatus] ?? f.family.familyStatus);
    for (const child of f.family.children) doc.text(`Enfant : ${child.firstName}, né(e) le ${frenchDay(child.birthDate)}`);
    section('Carrière et temps de travail');
    line('Grade', f.career.grade);
    line('Échelon', f.career.echelon);
    line('Indice majoré', f.career.indexMajore);
    for (const s of f.career.assignments) doc.text(`Affectation : ${s.label} (${s.department}), du ${frenchDay(s.startsOn)}${s.endsOn ? ` au ${frenchDay(s.endsOn)}` : ''}`);
    line('Quotité', `${f.workingTime.percent} %`);
    line('Durée hebdomadaire', `${Math.floor(f.workingTime.weeklyMinutes / 60)} h ${String(f.workingTime.weeklyMinutes % 60).padStart(2, '0')}`);
    line('Cycle', f.workingTime.cycle);
  }

  section('Coordonnées bancaires (masquées)');
  empty(data.bankDetailsHistory, 'Aucune coordonnée bancaire enregistrée.');
  for (const b of data.bankDetailsHistory) doc.text(`IBAN ${b.iban}, applicable à partir du ${frenchDay(b.effectiveFrom)}`);

  section('Demandes de correction');
  empty(data.corrections, 'Aucune demande.');
  const statusLabels = { pending: 'en attente', accepted: 'acceptée', refused: 'refusée' } as const;
  for (const c of data.corrections) {
    doc.text(`${frenchMoment(new Date(c.createdAt))} — ${c.changes.map((x) => `${x.label} : « ${x.proposedValue} »`).join(', ')} — ${statusLabels[c.status]}${c.refusalReason ? ` (${c.refusalReason})` : ''}`);
  }

  section('Consultations de mon dossier');
  empty(data.consultationsOfMyFile, 'Personne d’autre que vous n’a consulté votre dossier.');
  for (const c of data.consultationsOfMyFile) doc.text(`${frenchMoment(new Date(c.at))} — ${c.consultedBy}, ${c.role}${c.department ? ` de la ${c.department}` : ''} — motif : ${c.purpose}`);

  section('Demandes d’accès à mes données');
  for (const r of data.accessRequests) doc.text(`${frenchMoment(new Date(r.at))} — format ${r.format.toUpperCase()}`);

  section('Méthodes de vérification (deuxième facteur)');
  empty(data.secondFactors, 'Aucune.');
  for (const s of data.secondFactors) doc.text(`${s.label} (${s.kind}), ajoutée le ${frenchMoment(new Date(s.createdAt))}`);

  section('Sessions ouvertes');
  empty(data.sessions, 'Aucune.');
  for (const s of data.sessions) doc.text(`${s.device} — ${s.ip} (${s.networkZone === 'internal' ? 'réseau interne' : 'extérieur'}), ouverte le ${frenchMoment(new Date(s.createdAt))}`);

  section('Historique de connexion (12 derniers mois)');
  empty(data.connectionHistory, 'Aucune connexion.');
  for (const c of data.connectionHistory) doc.text(`${frenchMoment(new Date(c.at))} — ${c.kind} (${c.result}) — ${c.ip}, ${c.browser}, ${c.os}`);

  section('Actions administratives sur mon compte et mon dossier');
  empty(data.administrativeActions, 'Aucune.');
  for (const e of data.administrativeActions) doc.text(`${frenchMoment(new Date(e.at))} — ${e.action} par ${e.by}${e.reason ? ` — ${e.reason}` : ''}`);

  doc.end();
  return finished;
}
