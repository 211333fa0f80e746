import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

// One sober A4 layout for every certificate: the city, the title, what is attested, the facts as a table,
// the signature by delegation, and a verification box (reference, code, QR code to the public page).
// Standard fonts only, so the document renders the same everywhere and is generated fast.

export type CertificateDocument = {
  orgName: string;
  departmentName: string;
  title: string;
  reference: string;
  verificationCode: string;
  verifyUrl: string;
  issuedOn: string; // "24 novembre 2026"
  statement: string[];
  facts: [label: string, value: string][];
  closing: string;
};

const MARGIN = 56;
const INK = '#1b1b1b';
const MUTED = '#555555';
const ACCENT = '#000091';

export function renderCertificate(document: CertificateDocument, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: options.compress ?? true,
    info: { Title: `${document.title} — ${document.reference}`, Author: document.orgName, Subject: document.title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const width = doc.page.width - 2 * MARGIN;

  doc.fillColor(ACCENT).font('Helvetica-Bold').fontSize(16).text(document.orgName);
  doc.fillColor(MUTED).font('Helvetica').fontSize(10).text(document.departmentName);
  doc.text(`Référence : ${document.reference}`, { align: 'right' });
  doc.moveDown(2);

  doc.fillColor(INK).font('Helvetica-Bold').fontSize(15).text(document.title.toUpperCase(), { align: 'center', width });
  doc.moveDown(1.2);
  doc.font('Helvetica').fontSize(11);
  for (const paragraph of document.statement) {
    doc.text(paragraph, { width, align: 'justify' });
    doc.moveDown(0.6);
  }
  doc.moveDown(0.4);

  const labelWidth = 170;
  for (const [label, value] of document.facts) {
    const top = doc.y;
    doc.fillColor(MUTED).font('Helvetica').fontSize(10).text(label, MARGIN, top, { width: labelWidth });
    const labelBottom = doc.y;
    doc.fillColor(INK).font('Helvetica-Bold').fontSize(10.5).text(value, MARGIN + labelWidth + 12, top, { width: width - labelWidth - 12 });
    doc.x = MARGIN;
    doc.y = Math.max(labelBottom, doc.y) + 4;
  }
  doc.moveDown(1);
  doc.fillColor(INK).font('Helvetica').fontSize(11).text(document.closing, { width, align: 'justify' });
  doc.moveDown(1.5);

  const signatureX = MARGIN + width / 2;
  doc.text(`Fait le ${document.issuedOn}`, signatureX, doc.y, { width: width / 2 });
  doc.moveDown(0.5);
  doc.font('Helvetica-Oblique').text('Pour le maire et par délégation,', { width: width / 2 });
  doc.text('le service des ressources humaines', { width: width / 2 });
  doc.x = MARGIN;

  drawVerificationBox(doc, document, width);
  doc.end();
  return finished;
}

// At the foot of the page, so that the box is always in the same place for whoever checks the document.
function drawVerificationBox(doc: PDFKit.PDFDocument, document: CertificateDocument, width: number): void {
  const size = 92;
  const boxHeight = size + 24;
  const top = doc.page.height - MARGIN - boxHeight;
  doc.rect(MARGIN, top, width, boxHeight).lineWidth(1).strokeColor(ACCENT).stroke();
  drawQrCode(doc, document.verifyUrl, MARGIN + 12, top + 12, size);
  const textX = MARGIN + size + 28;
  const textWidth = width - size - 40;
  doc.fillColor(INK).font('Helvetica-Bold').fontSize(10).text('Vérifier l’authenticité de ce document', textX, top + 14, { width: textWidth });
  doc.font('Helvetica').fontSize(9.5).fillColor(MUTED).text(`Référence : ${document.reference}`, { width: textWidth });
  doc.text('Code de vérification :', { width: textWidth });
  doc.fillColor(INK).font('Courier-Bold').fontSize(12).text(document.verificationCode, { width: textWidth });
  doc.fillColor(MUTED).font('Helvetica').fontSize(8.5).text(`Scannez le code QR ou saisissez le code sur ${document.verifyUrl}`, { width: textWidth });
}

// The QR code as vector squares: sharp when printed, and no image decoding on the way.
function drawQrCode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = qr.modules.size;
  const cell = size / (count + 2); // a one-module quiet zone around it
  doc.fillColor('#000000');
  for (let row = 0; row < count; row += 1) {
    for (let col = 0; col < count; col += 1) {
      if (qr.modules.get(row, col)) doc.rect(x + (col + 1) * cell, y + (row + 1) * cell, cell, cell);
    }
  }
  doc.fill();
}
