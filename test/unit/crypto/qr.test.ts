import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrCodeSvg } from '../../../src/adapters/crypto/qr.ts';

const keyUri = 'otpauth://totp/Footprint:jane%40oakfield.example.org?secret=GEZDGNBVGY3TQOJQ&issuer=Footprint';

describe('QR codes', () => {
  it('are SVG images with a role and the accessible name the page gives', async () => {
    const svg = await qrCodeSvg(keyUri, 'QR code to set up your authenticator app');
    expect(svg).toMatch(/^<svg role="img" aria-label="QR code to set up your authenticator app" /);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(svg.trimEnd()).toMatch(/<\/svg>$/);
    expect(svg).not.toMatch(/<script|javascript:|\son\w+=/i);
  });

  it('draw the same modules as the QR code library does for the text', async () => {
    const svg = await qrCodeSvg(keyUri, 'A QR code');
    const drawing = await QRCode.toString(keyUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, width: 240 });
    const paths = (text: string) => text.match(/<path[^>]*>/g);
    expect(paths(svg)).toEqual(paths(drawing));
    expect(paths(await qrCodeSvg(`${keyUri}x`, 'A QR code'))).not.toEqual(paths(svg));
  });

  it('escape the name, so no label can break out of its attribute', async () => {
    const svg = await qrCodeSvg('text', 'Jo "the boss" <b> & co');
    expect(svg).toContain('aria-label="Jo &quot;the boss&quot; &lt;b&gt; &amp; co"');
  });
});
