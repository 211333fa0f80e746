import PDFDocument from 'pdfkit';

// The certificate of attendance: one A4 page, framed, centred like a diploma, in the colours and standard
// fonts of the employer certificates (certificates/certificate.pdf.ts) so that the city's papers look alike.
// No verification code: it is not stored, it is made again from the attendance sheet at each download.

export type AttendanceCertificate = {
  orgName: string;
  departmentName: string;
  agentName: string;
  badgeNumber: string;
  courseTitle: string;
  theme: string;
  format: string;
  dates: string;
  duration: string;
  /** Null for e-learning. */
  place: string | null;
  issuedOn: string;
  /** When attendance was recorded: the document's own date, so that every download gives the same bytes. */
  issuedAt: Date;
  reference: string;
};

const MARGIN = 56;
const INK = '#1b1b1b';
const MUTED = '#555555';
const ACCENT = '#000091';

export function renderAttendanceCertificate(c: AttendanceCertificate): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    info: { Title: `Attestation de présence — ${c.courseTitle}`, Author: c.orgName, Subject: 'Attestation de présence à une formation', CreationDate: c.issuedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  const centred = { width, align: 'center' as const };

  doc.rect(MARGIN / 2, MARGIN / 2, doc.page.width - MARGIN, doc.page.height - MARGIN).lineWidth(2).strokeColor(ACCENT).stroke();
  doc.rect(MARGIN / 2 + 5, MARGIN / 2 + 5, doc.page.width - MARGIN - 10, doc.page.height - MARGIN - 10).lineWidth(0.5).stroke();

  doc.moveDown(2);
  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(18).text(c.orgName, centred);
  doc.fillColor(MUTED).font('Helvetica').fontSize(10).text('Direction des ressources humaines — formation professionnelle', centred);
  doc.moveDown(3);
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(22).text('ATTESTATION DE PRÉSENCE', centred);
  doc.moveDown(2.5);

  doc.font('Helvetica').fontSize(12).text(`${c.orgName} atteste que`, centred);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(16).text(c.agentName, centred);
  doc.font('Helvetica').fontSize(11).fillColor(MUTED).text(`matricule ${c.badgeNumber}, ${c.departmentName}`, centred);
  doc.moveDown(0.8);
  doc.fillColor(INK).fontSize(12).text('a suivi la formation', centred);
  doc.moveDown(0.8);
  doc.font('Helvetica-Bold').fontSize(15).fillColor(ACCENT).text(`« ${c.courseTitle} »`, centred);
  doc.moveDown(0.8);
  doc.font('Helvetica').fontSize(12).fillColor(INK).text(`${c.dates}, ${c.format}${c.place ? `, ${c.place}` : ''}.`, centred);
  doc.text(`Durée : ${c.duration}. Thème : ${c.theme}.`, centred);
  doc.moveDown(2.5);

  doc.fontSize(11).text('La présente attestation est délivrée à l’intéressé(e) pour servir et valoir ce que de droit.', centred);
  doc.moveDown(2);
  const signatureX = MARGIN + width / 2;
  doc.text(`Fait le ${c.issuedOn}`, signatureX, doc.y, { width: width / 2 });
  doc.moveDown(0.5);
  doc.font('Helvetica-Oblique').text('Pour le maire et par délégation,', { width: width / 2 });
  doc.text('le service formation', { width: width / 2 });

  const footer = doc.page.height - MARGIN - 40;
  doc.font('Helvetica').fontSize(8.5).fillColor(MUTED);
  doc.text(`Référence : ${c.reference} — établie d’après la feuille de présence de la session.`, MARGIN, footer, { width, align: 'center' });

  doc.end();
  return done;
}
