// What an uploaded file really is, told from its first bytes (its "magic number"), never from its
// name or the type the browser sent: both are whatever the sender's computer chose to say.

/** The kinds Footprint tells apart: those it keeps, and those it refuses by name in its message. */
export type ContentKind =
  | 'png'
  | 'jpeg'
  | 'webp'
  | 'gif'
  | 'pdf'
  | 'svg'
  | 'html'
  | 'xml'
  | 'executable'
  | 'zip'
  | 'heic'
  | 'video'
  | 'tiff'
  | 'bmp'
  | 'unknown';

/** Kinds that are pictures Footprint can read and re-encode. */
export type ImageKind = 'png' | 'jpeg' | 'webp' | 'gif';

/** Kinds that may be kept: pictures, re-encoded, and PDFs. */
export type KeptKind = ImageKind | 'pdf';

export function isKept(kind: ContentKind): kind is KeptKind {
  return kind === 'png' || kind === 'jpeg' || kind === 'webp' || kind === 'gif' || kind === 'pdf';
}

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

export function sniff(bytes: Uint8Array): ContentKind {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  // Strictly at the start: readers tolerate junk before the header, but a file that needs that
  // tolerance is more likely something else wearing a PDF inside it.
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (
    startsWith(bytes, [0x4d, 0x5a]) || // Windows (MZ)
    startsWith(bytes, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xce]) ||
    startsWith(bytes, [0xfe, 0xed, 0xfa, 0xcf]) ||
    startsWith(bytes, [0xce, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xcf, 0xfa, 0xed, 0xfe]) ||
    startsWith(bytes, [0xca, 0xfe, 0xba, 0xbe]) || // Mach-O, universal binaries, Java classes
    startsWith(bytes, ascii('#!'))
  ) {
    return 'executable';
  }
  if (startsWith(bytes, ascii('PK\x03\x04'))) return 'zip';
  if (startsWith(bytes, ascii('ftyp'), 4)) {
    // ISO media: iPhone photos (HEIC, AVIF) and videos (MP4, MOV) share the container.
    const brand = String.fromCharCode(...bytes.subarray(8, 12));
    return ['heic', 'heix', 'hevc', 'heim', 'heis', 'mif1', 'msf1', 'avif', 'avis'].includes(brand) ? 'heic' : 'video';
  }
  if (startsWith(bytes, ascii('II*\0')) || startsWith(bytes, ascii('MM\0*'))) return 'tiff';
  if (startsWith(bytes, ascii('BM'))) return 'bmp';
  return sniffText(bytes);
}

// SVG and HTML are text, so their first bytes vary: look at the start of the text, as a browser would.
function sniffText(bytes: Uint8Array): ContentKind {
  const head = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 4096))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.includes('<svg')) return 'svg';
  if (/^<(!doctype html|html|head|body|script|iframe|!--)/.test(head) || head.includes('<script')) return 'html';
  if (head.startsWith('<?xml') || head.startsWith('<!doctype')) return 'xml';
  return 'unknown';
}

/** The kind a file name's extension claims; undefined when it has none or names nothing we know. */
export function kindNamedBy(extension: string): ContentKind | undefined {
  return extensionKinds[extension.toLowerCase()];
}

const extensionKinds: Partial<Record<string, ContentKind>> = {
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  jpe: 'jpeg',
  jfif: 'jpeg',
  pjpeg: 'jpeg',
  webp: 'webp',
  gif: 'gif',
  pdf: 'pdf',
  svg: 'svg',
  svgz: 'svg',
  htm: 'html',
  html: 'html',
  xhtml: 'html',
  xml: 'xml',
  exe: 'executable',
  com: 'executable',
  bat: 'executable',
  cmd: 'executable',
  sh: 'executable',
  js: 'executable',
  msi: 'executable',
  dll: 'executable',
  app: 'executable',
  zip: 'zip',
  docx: 'zip',
  xlsx: 'zip',
  pptx: 'zip',
  odt: 'zip',
  heic: 'heic',
  heif: 'heic',
  avif: 'heic',
  mp4: 'video',
  m4v: 'video',
  mov: 'video',
  tif: 'tiff',
  tiff: 'tiff',
  bmp: 'bmp',
};

/** The kind a declared media type (the browser's Content-Type) claims; undefined for generic or unknown ones. */
export function kindDeclaredBy(mediaType: string): ContentKind | undefined {
  const essence = mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  return mediaTypeKinds[essence];
}

const mediaTypeKinds: Partial<Record<string, ContentKind>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/jpg': 'jpeg',
  'image/pjpeg': 'jpeg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'application/pdf': 'pdf',
  'image/svg+xml': 'svg',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'image/heic': 'heic',
  'image/heif': 'heic',
  'image/tiff': 'tiff',
  'image/bmp': 'bmp',
};

/** "a JPEG image", "a PDF", for messages. */
export function describe(kind: ContentKind): string {
  return descriptions[kind];
}

const descriptions: Record<ContentKind, string> = {
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  webp: 'a WebP image',
  gif: 'a GIF image',
  pdf: 'a PDF',
  svg: 'an SVG drawing',
  html: 'a web page',
  xml: 'an XML file',
  executable: 'a program',
  zip: 'a zipped or Office document',
  heic: 'a HEIC photo',
  video: 'a video',
  tiff: 'a TIFF image',
  bmp: 'a BMP image',
  unknown: 'a kind of file Footprint cannot read',
};

/** The extension each kept kind is given. */
export const canonicalExtension: Record<KeptKind, string> = {
  png: 'png',
  jpeg: 'jpg',
  webp: 'webp',
  gif: 'gif',
  pdf: 'pdf',
};
