// QR codes drawn on the server as SVG, to put straight into a page: no script, no image request.
import QRCode from 'qrcode';

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** An SVG image of `text` as a QR code, named `label` for screen readers (say what it is for, not what it holds). */
export async function qrCodeSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 240 });
  if (!svg.startsWith('<svg ')) throw new Error('The QR code library drew something other than an SVG image.');
  return `<svg role="img" aria-label="${escapeXml(label)}" focusable="false" ${svg.slice('<svg '.length).trim()}`;
}
