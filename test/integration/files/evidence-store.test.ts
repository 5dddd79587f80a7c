// The evidence store against real files on a real disk: pictures made here, with real EXIF, GPS
// and XMP in them, PDFs made with pdfkit, and the directory looked at after every refusal.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import PDFDocument from 'pdfkit';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvidenceStore } from '../../../src/adapters/files/evidence-store.ts';
import type { EvidenceStore, StoredEvidence } from '../../../src/services/ports.ts';

let dataDir: string;
let root: string;
let evidence: EvidenceStore;
const schoolId = randomUUID();

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'footprint-evidence-'));
  root = join(dataDir, 'evidence');
  evidence = createEvidenceStore(root);
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Every file under `directory`, relative to it; empty when it does not exist. */
async function filesUnder(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { recursive: true, withFileTypes: true });
    return entries.filter((e) => e.isFile()).map((e) => relative(directory, join(e.parentPath, e.name)));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function stored(result: Awaited<ReturnType<EvidenceStore['store']>>): Promise<StoredEvidence> {
  if (!result.ok) throw new Error(`Expected the file to be kept, but: ${result.problem}`);
  return result.file;
}

async function refused(result: Awaited<ReturnType<EvidenceStore['store']>>): Promise<string> {
  if (result.ok) throw new Error(`Expected a refusal, but ${result.file.mediaType} was kept`);
  expect(await filesUnder(dataDir)).toEqual([]);
  return result.problem;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const contains = (bytes: Uint8Array, text: string) => Buffer.from(bytes).includes(text);

const picture = (width = 40, height = 20) => sharp({ create: { width, height, channels: 3, background: '#3366cc' } });

const xmp =
  '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">' +
  '<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>XmpSecretAuthor</dc:creator>' +
  '</rdf:Description></rdf:RDF></x:xmpmeta>';

/** A phone photo: 40 × 20 pixels stored sideways (orientation 6), with the camera, a GPS position and XMP. */
function phonePhoto() {
  return picture()
    .withExif({
      IFD0: { Make: 'FootprintTestCam', Model: 'SecretPhone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 1234/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 3960/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .withXmp(xmp);
}

function pdf(text = 'Screenshot of the post, 3 March'): Promise<Buffer> {
  const document = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.text(text);
    document.end();
  });
}

describe('Keeping a picture', () => {
  it('re-encodes a JPEG without its EXIF, GPS position, XMP or colour profile, turned the right way up', async () => {
    const bytes = await phonePhoto().jpeg().toBuffer();
    const before = await sharp(bytes).metadata();
    // The upload really does carry what must go.
    expect(before).toMatchObject({ width: 40, height: 20, orientation: 6 });
    expect(before.exif).toBeDefined();
    expect(before.xmp).toBeDefined();
    expect(contains(bytes, 'FootprintTestCam')).toBe(true);
    expect(contains(bytes, 'Exif\0\0')).toBe(true);
    expect(contains(bytes, 'XmpSecretAuthor')).toBe(true);

    const file = await stored(await evidence.store(schoolId, { fileName: 'IMG_0042.JPG', bytes }));
    const kept = await readFile(join(root, schoolId, file.key));

    const after = await sharp(kept).metadata();
    expect(after.format).toBe('jpeg');
    expect(after).toMatchObject({ width: 20, height: 40 });
    expect(after.orientation).toBeUndefined();
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    for (const marker of ['Exif\0\0', 'FootprintTestCam', 'SecretPhone', 'XmpSecretAuthor', 'xmpmeta', 'ICC_PROFILE']) {
      expect(contains(kept, marker), marker).toBe(false);
    }

    expect(file).toEqual({
      key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      mediaType: 'image/jpeg',
      size: kept.length,
      sha256: sha256(kept),
      originalName: 'IMG_0042.jpg',
    });
  });

  it('strips a PNG and a WebP too, keeping their format', async () => {
    const png = await phonePhoto().png().toBuffer();
    expect((await sharp(png).metadata()).exif).toBeDefined();
    const keptPng = await stored(await evidence.store(schoolId, { fileName: 'chat.png', bytes: png }));
    const pngBytes = await evidence.open(schoolId, keptPng.key);
    expect(keptPng.mediaType).toBe('image/png');
    expect((await sharp(pngBytes).metadata()).exif).toBeUndefined();
    expect(contains(pngBytes!, 'FootprintTestCam')).toBe(false);

    const webp = await phonePhoto().webp().toBuffer();
    expect((await sharp(webp).metadata()).exif).toBeDefined();
    const keptWebp = await stored(await evidence.store(schoolId, { fileName: 'story.webp', bytes: webp }));
    const webpBytes = await evidence.open(schoolId, keptWebp.key);
    expect(keptWebp.mediaType).toBe('image/webp');
    expect((await sharp(webpBytes).metadata()).exif).toBeUndefined();
    expect(contains(webpBytes!, 'FootprintTestCam')).toBe(false);
  });

  it('turns a still GIF into a PNG, and refuses an animated one', async () => {
    const gif = await picture().gif().toBuffer();
    const file = await stored(await evidence.store(schoolId, { fileName: 'meme.gif', bytes: gif }));
    expect(file).toMatchObject({ mediaType: 'image/png', originalName: 'meme.png' });
    expect((await sharp(await evidence.open(schoolId, file.key)).metadata()).format).toBe('png');

    const frame = (background: string) =>
      sharp({ create: { width: 10, height: 10, channels: 3, background } })
        .png()
        .toBuffer();
    const frames = await Promise.all(['red', 'green', 'blue'].map(frame));
    const animated = await sharp(frames, { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sharp(animated).metadata()).pages).toBe(3);
    const problem = await refusedAfter(evidence.store(schoolId, { fileName: 'clip.gif', bytes: animated }), 1);
    expect(problem).toMatch(/animated.*screenshot/i);
  });

  it('writes the file readable by Footprint alone, under a name of its own making, with nothing left over', async () => {
    const bytes = await picture().png().toBuffer();
    const file = await stored(
      await evidence.store(schoolId, { fileName: '../../public/index.html.png', declaredType: 'image/png', bytes }),
    );
    expect(await filesUnder(root)).toEqual([join(schoolId, file.key)]);
    expect((await stat(join(root, schoolId, file.key))).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, schoolId))).mode & 0o777).toBe(0o700);
    expect((await stat(root)).mode & 0o777).toBe(0o700);
    expect(file.key).not.toMatch(/index|html|png/i);
    expect(file.originalName).toBe('index.html.png');
  });

  it('makes the name it keeps safe to show and to offer as a download', async () => {
    const bytes = await picture().png().toBuffer();
    const file = await stored(
      await evidence.store(schoolId, { fileName: 'C:\\Users\\x\\"my"\u202Escreen<shot>\n.png', bytes }),
    );
    expect(file.originalName).toBe('_my_screen_shot_.png');
    const unnamed = await stored(await evidence.store(schoolId, { fileName: '', bytes }));
    expect(unnamed.originalName).toBe('evidence.png');
    const long = await stored(await evidence.store(schoolId, { fileName: `${'a'.repeat(300)}.png`, bytes }));
    expect(long.originalName).toHaveLength(120);
  });
});

/** A refusal, with only the `keptBefore` files of earlier steps of the test on disk. */
async function refusedAfter(result: ReturnType<EvidenceStore['store']>, keptBefore: number): Promise<string> {
  const outcome = await result;
  if (outcome.ok) throw new Error(`Expected a refusal, but ${outcome.file.mediaType} was kept`);
  expect(await filesUnder(root)).toHaveLength(keptBefore);
  return outcome.problem;
}

describe('Refusing what is not a picture or a PDF, or not what its name says', () => {
  it('refuses a PNG called .pdf, saying what it really is', async () => {
    const bytes = await picture().png().toBuffer();
    const problem = await refused(await evidence.store(schoolId, { fileName: 'report.pdf', bytes }));
    expect(problem).toBe(
      'This file is called .pdf but is a PNG image. Check that you chose the right file; if you did, rename it to end in .png and upload it again.',
    );
  });

  it('refuses a JPEG called .png, and a PDF called .jpg', async () => {
    const jpeg = await picture().jpeg().toBuffer();
    expect(await refused(await evidence.store(schoolId, { fileName: 'a.png', bytes: jpeg }))).toMatch(
      /called \.png but is a JPEG image.*\.jpg/,
    );
    const document = await pdf();
    expect(await refused(await evidence.store(schoolId, { fileName: 'a.jpg', bytes: document }))).toMatch(
      /called \.jpg but is a PDF/,
    );
  });

  it('refuses an upload whose declared type contradicts its content, but ignores a generic one', async () => {
    const bytes = await picture().png().toBuffer();
    expect(
      await refused(await evidence.store(schoolId, { fileName: 'shot', declaredType: 'application/pdf', bytes })),
    ).toMatch(/sent as a PDF but is a PNG image/);
    await stored(await evidence.store(schoolId, { fileName: 'shot', declaredType: 'application/octet-stream', bytes }));
  });

  it('refuses an SVG, even called .png and sent as image/png', async () => {
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">' +
        '<script>alert(document.cookie)</script><rect width="10" height="10"/></svg>',
    );
    const problem = await refused(
      await evidence.store(schoolId, { fileName: 'screenshot.png', declaredType: 'image/png', bytes: svg }),
    );
    expect(problem).toMatch(/SVG drawing.*cannot be kept/);
    expect(problem).toContain('Upload a screenshot as a PNG or JPEG, or a PDF.');
    const bare = Buffer.from('\uFEFF  <svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(await refused(await evidence.store(schoolId, { fileName: 'x.svg', bytes: bare }))).toMatch(/SVG/);
  });

  it('refuses web pages, programs, Office documents and anything unknown, saying what to upload', async () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['page.jpg', Buffer.from('<!DOCTYPE html><html><body>hi</body></html>'), /web page.*screenshot/],
      ['page.png', Buffer.from('  <script>fetch("/steal")</script>'), /web page/],
      ['virus.png', Buffer.concat([Buffer.from('MZ'), randomBytes(200)]), /program.*PNG or JPEG, or a PDF/],
      ['tool', Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46]), randomBytes(200)]), /program/],
      ['run.pdf', Buffer.from('#!/bin/sh\nrm -rf /\n'), /program/],
      ['notes.docx', Buffer.concat([Buffer.from('PK\x03\x04'), randomBytes(200)]), /Save the document as a PDF/],
      ['notes.txt', Buffer.from('just some words'), /not a picture or a PDF.*PNG or JPEG, or a PDF/],
      ['empty.png', new Uint8Array(0), /empty/],
    ];
    for (const [fileName, bytes, message] of cases) {
      expect(await refused(await evidence.store(schoolId, { fileName, bytes })), fileName).toMatch(message);
    }
  });

  it('refuses a file that claims to be a picture but cannot be read as one', async () => {
    const png = await picture().png().toBuffer();
    const truncated = png.subarray(0, 40);
    expect(await refused(await evidence.store(schoolId, { fileName: 'cut.png', bytes: truncated }))).toMatch(
      /could not be read/,
    );
  });
});

describe('Limits', () => {
  it('refuses a picture over 10 MB', async () => {
    // Random pixels do not compress: about 12 MB as a PNG.
    const bytes = await sharp(randomBytes(2000 * 2000 * 3), { raw: { width: 2000, height: 2000, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer();
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    const problem = await refused(await evidence.store(schoolId, { fileName: 'huge.png', bytes }));
    expect(problem).toMatch(/^This picture is 1\d\.\d MB; the most Footprint accepts is 10 MB\. Crop it/);
  });

  it('refuses a decompression bomb: a small file of more than 40 megapixels, before decoding it', async () => {
    const bytes = await picture(8000, 6000).png({ compressionLevel: 9 }).toBuffer();
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const problem = await refused(await evidence.store(schoolId, { fileName: 'bomb.png', bytes }));
    expect(problem).toBe(
      'This picture is 8000 × 6000 pixels, larger than the 40 megapixels Footprint accepts. Crop it to the part that matters, or take a screenshot of it, and upload that.',
    );
  });

  it('takes its limits from its configuration', async () => {
    const strict = createEvidenceStore(root, { maxImageBytes: 2000, maxPdfBytes: 1000, maxPixels: 100 });
    const small = await picture(10, 10).png().toBuffer();
    await stored(await strict.store(schoolId, { fileName: 'ok.png', bytes: small }));
    const tall = await picture(10, 11).png().toBuffer();
    expect(await refusedAfter(strict.store(schoolId, { fileName: 'tall.png', bytes: tall }), 1)).toMatch(
      /10 × 11 pixels/,
    );
    const document = await pdf();
    expect(await refusedAfter(strict.store(schoolId, { fileName: 'a.pdf', bytes: document }), 1)).toMatch(
      /This PDF is .* MB; the most Footprint accepts is 0\.0 MB/,
    );
  });
});

describe('Keeping a PDF', () => {
  it('keeps it exactly as uploaded, recording the SHA-256 of its bytes', async () => {
    const bytes = await pdf();
    const file = await stored(
      await evidence.store(schoolId, { fileName: 'Report from parent.pdf', declaredType: 'application/pdf', bytes }),
    );
    expect(file).toEqual({
      key: expect.stringMatching(/^[A-Za-z0-9_-]{32}$/),
      mediaType: 'application/pdf',
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      originalName: 'Report from parent.pdf',
    });
    expect(Buffer.from((await evidence.open(schoolId, file.key))!).equals(bytes)).toBe(true);
    expect(sha256(await readFile(join(root, schoolId, file.key)))).toBe(file.sha256);
  });

  it('refuses a PDF cut short, and a file that only mentions %PDF- later on', async () => {
    const bytes = await pdf();
    expect(
      await refused(
        await evidence.store(schoolId, { fileName: 'cut.pdf', bytes: bytes.subarray(0, bytes.length - 1100) }),
      ),
    ).toMatch(/damaged or incomplete/);
    const disguised = Buffer.concat([Buffer.from('<html><script></script>'), bytes]);
    expect(await refused(await evidence.store(schoolId, { fileName: 'x.pdf', bytes: disguised }))).toMatch(/web page/);
  });
});

describe('Opening and removing', () => {
  it('gives back only the school’s own files, by well-formed keys, never a path', async () => {
    const bytes = await picture().png().toBuffer();
    const file = await stored(await evidence.store(schoolId, { fileName: 'a.png', bytes }));
    const secret = join(dataDir, 'secret.txt');
    await writeFile(secret, 'not evidence');

    expect(await evidence.open(schoolId, file.key)).toBeDefined();
    expect(await evidence.open(randomUUID(), file.key)).toBeUndefined();
    for (const key of [
      '../../secret.txt',
      '..%2F..%2Fsecret.txt',
      `${file.key}/..`,
      `../${schoolId}/${file.key}`,
      '',
      '.',
      '..',
    ]) {
      expect(await evidence.open(schoolId, key), key).toBeUndefined();
    }
    expect(await evidence.open('..', '..%2Fsecret.txt')).toBeUndefined();
    expect(await evidence.open(`../${schoolId}`, file.key)).toBeUndefined();
    expect(await evidence.open(schoolId, randomBytes(24).toString('base64url'))).toBeUndefined();
    // A leftover draft never matches a key.
    await writeFile(join(root, schoolId, `.${file.key}.partial`), 'half');
    expect(await evidence.open(schoolId, `.${file.key}.partial`)).toBeUndefined();

    expect(await evidence.remove(schoolId, '../../secret.txt')).toBe(false);
    expect(await readFile(secret, 'utf8')).toBe('not evidence');
  });

  it('removes a file for good', async () => {
    const bytes = await pdf();
    const file = await stored(await evidence.store(schoolId, { fileName: 'a.pdf', bytes }));
    expect(await evidence.remove(randomUUID(), file.key)).toBe(false);
    expect(await evidence.remove(schoolId, file.key)).toBe(true);
    expect(await evidence.open(schoolId, file.key)).toBeUndefined();
    expect(await filesUnder(root)).toEqual([]);
    expect(await evidence.remove(schoolId, file.key)).toBe(false);
  });

  it('refuses to keep evidence for anything but a school id', async () => {
    const bytes = await picture().png().toBuffer();
    await expect(evidence.store('../elsewhere', { fileName: 'a.png', bytes })).rejects.toThrow(/school/);
    expect(await filesUnder(dataDir)).toEqual([]);
  });
});
