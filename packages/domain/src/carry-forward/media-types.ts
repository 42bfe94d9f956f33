/**
 * What may be uploaded for music work (recordings, lyrics, sheets): the declared media type must
 * be one of these AND the bytes must look like it, so a renamed executable is refused.
 */
import { ATTACHMENT_MAX_BYTES } from '@throughline/contracts';

export { ATTACHMENT_MAX_BYTES };

export const ACCEPTED_MEDIA_TYPES = [
  'audio/mpeg',
  'audio/mp4',
  'audio/x-m4a',
  'audio/wav',
  'audio/x-wav',
  'audio/ogg',
  'audio/webm',
  'audio/flac',
  'text/plain',
  'application/pdf',
] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

export const ACCEPTED_DESCRIPTION =
  'MP3, M4A/MP4 audio, WAV, Ogg, WebM audio, FLAC, plain text (UTF-8) or PDF';

const startsWith = (bytes: Buffer, ascii: string, at = 0): boolean =>
  bytes.length >= at + ascii.length &&
  bytes.subarray(at, at + ascii.length).toString('latin1') === ascii;

function isMpeg(bytes: Buffer): boolean {
  if (startsWith(bytes, 'ID3')) return true;
  // An MPEG audio frame sync: 11 set bits, and a layer other than "reserved".
  const [b0, b1] = [bytes[0] ?? 0, bytes[1] ?? 0];
  return b0 === 0xff && (b1 & 0xe0) === 0xe0 && (b1 & 0x06) !== 0;
}

const isWave = (b: Buffer): boolean => startsWith(b, 'RIFF') && startsWith(b, 'WAVE', 8);
const isOgg = (b: Buffer): boolean => startsWith(b, 'OggS');
const isFlac = (b: Buffer): boolean => startsWith(b, 'fLaC');
const isIsoMedia = (b: Buffer): boolean => startsWith(b, 'ftyp', 4);
const isWebm = (b: Buffer): boolean =>
  b.length >= 4 && b[0] === 0x1a && b[1] === 0x45 && b[2] === 0xdf && b[3] === 0xa3;
const isPdf = (b: Buffer): boolean => startsWith(b, '%PDF-');

function isUtf8Text(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const SNIFFERS: Record<AcceptedMediaType, (bytes: Buffer) => boolean> = {
  'audio/mpeg': isMpeg,
  'audio/mp4': isIsoMedia,
  'audio/x-m4a': isIsoMedia,
  'audio/wav': isWave,
  'audio/x-wav': isWave,
  'audio/ogg': isOgg,
  'audio/webm': isWebm,
  'audio/flac': isFlac,
  'text/plain': isUtf8Text,
  'application/pdf': isPdf,
};

/** The accepted media type (without parameters) if both the declaration and the bytes agree. */
export function acceptedMediaType(declared: string, bytes: Buffer): AcceptedMediaType | undefined {
  const type = declared.split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(ACCEPTED_MEDIA_TYPES as readonly string[]).includes(type)) return undefined;
  const accepted = type as AcceptedMediaType;
  return bytes.length > 0 && SNIFFERS[accepted](bytes) ? accepted : undefined;
}
